using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Forms;

/// <summary>Who keeps which copy of the five-part slip (第一联 … 第五联).</summary>
public static class SlipCopies
{
    public static readonly IReadOnlyList<string> Labels =
        ["第一联 质量管理部存", "第二联 制造部门存", "第三联 业务部门存", "第四联 会计科存", "第五联 总经理室存"];
}

/// <summary>Reads a case for the slip and prints it.</summary>
public sealed class SlipService(ComplaintService complaints, Common.PortalClock clock)
{
    /// <summary>What the slip prints (the case as <see cref="ComplaintService.GetAsync(string, CaseActor?, CancellationToken)"/> reads it), or null when there is no complaint with this number.</summary>
    public Task<ComplaintDetail?> LoadAsync(string number, CancellationToken ct = default) => complaints.GetAsync(number, ct);

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
        ComplaintSlipPdf.Render(sample, [null], "http://localhost/", new Common.PortalClock(TimeProvider.System));
    }

    /// <summary>
    /// The slip as a PDF: one copy, or the five numbered copies in one document. <paramref name="caseAddress"/>
    /// is the case page's address for the QR code.
    /// </summary>
    public byte[] Render(ComplaintDetail data, int copies, string caseAddress)
    {
        IReadOnlyList<string?> single = [null];
        var labels = copies == 5 ? SlipCopies.Labels : single;
        return ComplaintSlipPdf.Render(data, labels, caseAddress, clock);
    }
}
