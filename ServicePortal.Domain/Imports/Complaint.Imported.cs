using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Complaints;

/// <summary>What a historical register says about a case closed before the portal (SPEC X-4).</summary>
internal sealed record ImportedClosure(bool Valid, int? ResponsibleDepartmentId, string? ResponsibleDepartmentName, DateTime? FirstRepliedUtc, DateTime ClosedUtc);

public partial class Complaint
{
    /// <summary>
    /// A complaint from a historical register (SPEC X-4). Its timeline tells what is known and no
    /// more: received (at the received time, by its owner), imported (now, by the importer), and for
    /// a closed case its closure as the register records it. Steps the register does not hold
    /// (investigation, proposals, the customer's feedback) are not invented.
    /// </summary>
    internal static Complaint Imported(string number, int monthKey, Customer customer, ComplaintInput input, int categoryId,
        DateTime receivedUtc, DateTime promisedReplyUtc, PortalUser owner, PortalUser importer, int row, ImportedClosure? closure, DateTime nowUtc)
    {
        var c = new Complaint(number, monthKey, customer, input, categoryId, receivedUtc, promisedReplyUtc, owner, nowUtc);
        c._history.Clear();
        c._history.Add(new ComplaintHistory(receivedUtc, owner, ComplaintHistory.Registered,
            $"受理投诉：{c.Channel.Chinese()}，{c.Severity.Chinese()}（据历史台账）"));
        c._history.Add(new ComplaintHistory(nowUtc, importer, "导入", $"从历史投诉台账导入（第 {row} 行）"));
        if (closure is null) return c;

        c.IsValid = closure.Valid;
        c.JudgementReason = "据历史台账";
        c.ResponsibleDepartmentId = closure.ResponsibleDepartmentId;
        c.FirstRepliedAt = closure.FirstRepliedUtc;
        c.ClosedAt = closure.ClosedUtc;
        c.Status = ComplaintStatus.Closed;
        var note = closure.Valid ? "成立" : "不成立";
        if (closure.ResponsibleDepartmentName is { } department) note += $"，责任部门：{department}";
        c._history.Add(new ComplaintHistory(closure.ClosedUtc, "", "历史台账", "结案", $"历史台账记载已结案（{note}）"));
        return c;
    }
}
