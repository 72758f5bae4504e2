using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Forms;

/// <summary>What the printed complaint slip (客户投诉处理单, SPEC X-3) shows of one case. Times are UTC.</summary>
public sealed record SlipData(
    string Number,
    ComplaintStatus Status,
    DateTime ReceivedAt,
    DateTime PromisedReplyAt,
    string CustomerName,
    string CustomerPhone,
    string CustomerAddress,
    bool ForeignCustomer,
    ComplaintChannel Channel,
    string Content,
    string CustomerRequest,
    string Category,
    ComplaintSeverity Severity,
    string OwnerName,
    string OwnerDepartment,
    bool? IsValid,
    string JudgementReason,
    string NotValidExplanation,
    string? ResponsibleDepartment,
    string? ResponsiblePersonName,
    IReadOnlyList<CaseRound> Rounds,
    IReadOnlyList<CaseDeadline> Deadlines)
{
    public static SlipData From(ComplaintDetail detail, CaseView view) => new(
        detail.Number, detail.Status, detail.ReceivedAt, detail.PromisedReplyAt,
        detail.CustomerName, detail.CustomerPhone, detail.CustomerAddress, detail.ForeignCustomer,
        detail.Channel, detail.Content, detail.CustomerRequest, detail.Category, detail.Severity,
        detail.OwnerName, detail.OwnerDepartment,
        view.IsValid, view.JudgementReason, view.NotValidExplanation,
        view.ResponsibleDepartment ?? detail.ResponsibleDepartment, view.ResponsiblePersonName,
        view.Rounds, view.Deadlines);
}

/// <summary>Who keeps which copy of the five-part slip (第一联 … 第五联).</summary>
public static class SlipCopies
{
    public static readonly IReadOnlyList<string> Labels =
        ["第一联 质量管理部存", "第二联 制造部门存", "第三联 业务部门存", "第四联 会计科存", "第五联 总经理室存"];
}

/// <summary>Reads a case for the slip and prints it.</summary>
public sealed class SlipService(ComplaintService complaints, CaseViewService cases, Common.PortalClock clock)
{
    /// <summary>The slip's data, or null when there is no complaint with this number.</summary>
    public async Task<SlipData?> LoadAsync(string number, CancellationToken ct = default)
    {
        var detail = await complaints.GetAsync(number, ct);
        if (detail is null) return null;
        // Only the case's records are read here; the actions a user may take do not matter on paper.
        var view = await cases.LoadAsync(number, new ComplaintActor("", "", "", 0), ct);
        return view is null ? null : SlipData.From(detail, view);
    }

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
        var sample = new SlipData("TS0001001", ComplaintStatus.Registered, at, at, "客户", "0", "", false, ComplaintChannel.Phone,
            "内容", "要求", "类别", ComplaintSeverity.Normal, "经办人", "", null, "", "", null, null, [], []);
        ComplaintSlipPdf.Render(sample, [null], "http://localhost/", new Common.PortalClock(TimeProvider.System));
    }

    /// <summary>
    /// The slip as a PDF: one copy, or the five numbered copies in one document. <paramref name="caseAddress"/>
    /// is the case page's address for the QR code.
    /// </summary>
    public byte[] Render(SlipData data, int copies, string caseAddress)
    {
        IReadOnlyList<string?> single = [null];
        var labels = copies == 5 ? SlipCopies.Labels : single;
        return ComplaintSlipPdf.Render(data, labels, caseAddress, clock);
    }
}
