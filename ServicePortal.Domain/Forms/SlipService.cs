using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Forms;

/// <summary>Who keeps which copy of the five-part slip (第一联 … 第五联).</summary>
public static class SlipCopies
{
    public static readonly IReadOnlyList<string> Labels =
        ["第一联 质量管理部存", "第二联 制造部门存", "第三联 业务部门存", "第四联 会计科存", "第五联 总经理室存"];
}

/// <summary>Reads a case for its printed slips and prints them: the complaint slip, the repair slip, the feedback slip and the revisit record.</summary>
public sealed class SlipService(ComplaintService complaints, RepairService repairs, PortalClock clock)
{
    private static readonly IReadOnlyList<string?> Single = [null];

    /// <summary>
    /// What the slip prints (the case as <see cref="ComplaintService.GetAsync(string, CaseActor?, CancellationToken)"/> reads it
    /// for <paramref name="reader"/>), or null when there is no complaint with this number or <paramref name="reader"/> may not read it (<see cref="Accounts.ReadScope"/>).
    /// </summary>
    public Task<ComplaintDetail?> LoadAsync(string number, CaseActor reader, CancellationToken ct = default) => complaints.GetAsync(number, reader, ct);

    /// <summary>
    /// What the repair and feedback slips print (the order as <see cref="RepairService.GetAsync"/> reads it for <paramref name="reader"/>),
    /// or null when there is no such order or <paramref name="reader"/> may not read it (<see cref="Accounts.ReadScope"/>).
    /// </summary>
    public Task<RepairDetail?> LoadRepairAsync(string number, CaseActor reader, CancellationToken ct = default) => repairs.GetAsync(number, reader, ct);

    private static int _warmedUp;

    /// <summary>
    /// Once per process, at start-up: loads the fonts and prints a throw-away slip, so the first clerk's
    /// print does not pay for reading 20 MB of fonts and for the first use of Skia's PDF code.
    /// </summary>
    public static void WarmUp()
    {
        if (Interlocked.Exchange(ref _warmedUp, 1) == 1) return;
        FontSubsetter.Preload();
        var at = DateTime.UtcNow;
        var sample = new ComplaintDetail("TS0001001", ComplaintStatus.Registered, 0, "客户", "0", "", false, ComplaintChannel.Phone,
            "内容", "要求", "类别", ComplaintSeverity.Normal, at, at, new PersonRef("", "经办人", ""), null, at, at, [])
        {
            Overdue = new ComplaintOverdueFlags(false, false, false, false),
        };
        ComplaintSlipPdf.Render(sample, Single, "http://localhost/", new PortalClock(TimeProvider.System));
    }

    /// <summary>
    /// The slip as a PDF: one copy, or the five numbered copies in one document. <paramref name="caseAddress"/>
    /// is the case page's address for the QR code.
    /// </summary>
    public byte[] Render(ComplaintDetail data, int copies, string caseAddress) =>
        ComplaintSlipPdf.Render(data, copies == 5 ? SlipCopies.Labels : Single, caseAddress, clock);

    /// <summary>The repair slip (维修服务单) as a PDF; <paramref name="orderAddress"/> is the order page's address for the QR code.</summary>
    public byte[] RenderRepair(RepairDetail data, string orderAddress) =>
        SlipLayout.Render(RepairSlipPdf.Form(data, clock), Single, orderAddress, clock);

    /// <summary>Whether the order's feedback slip can be printed: only once the repair is completed.</summary>
    public static bool CanPrintFeedback(RepairDetail data) => FeedbackSlipPdf.IsPrintable(data);

    /// <summary>The feedback slip (客户服务信息反馈单) as a PDF; refused (InvalidOperationException) before completion.</summary>
    public byte[] RenderFeedback(RepairDetail data, string orderAddress) =>
        SlipLayout.Render(FeedbackSlipPdf.Form(data, clock), Single, orderAddress, clock);

    /// <summary>
    /// The revisit record (回访记录表) of a task as <see cref="RevisitTasks.DetailAsync"/> reads it; an open task
    /// prints the blank form with its questions. <paramref name="taskAddress"/> is the task page's address for the QR code.
    /// </summary>
    public byte[] RenderRevisitRecord(RevisitTaskDetail data, string taskAddress) =>
        SlipLayout.Render(RevisitRecordPdf.Form(data, clock), Single, taskAddress, clock);
}
