namespace ServicePortal.Domain.Repairs;

/// <summary>
/// 返修 (SPEC R-5, seed 003 "维修后3个月内再次出现维修时同样问题"): the same fault on the same product
/// within 3 months (90 days, by Beijing calendar day) of an earlier completion. The same product is
/// the same serial number, or — when the new request has none — the same model at the same customer.
/// </summary>
public static class RepeatRepairRule
{
    public const int WindowDays = 90;

    /// <summary>A completion on <paramref name="completedDay"/> makes a request on <paramref name="requestDay"/> a repeat.</summary>
    public static bool Within(DateOnly completedDay, DateOnly requestDay) =>
        completedDay <= requestDay && requestDay.DayNumber - completedDay.DayNumber <= WindowDays;

    /// <summary>The earliest local day whose completions still count for a request on <paramref name="requestDay"/>.</summary>
    public static DateOnly FirstCountingDay(DateOnly requestDay) => requestDay.AddDays(-WindowDays);

    /// <summary>
    /// A request says enough to look for an earlier order: the fault, and the customer (picked, or a
    /// name to find them by). Until then there is nothing to warn of.
    /// </summary>
    public static bool CanCheck(RepairRequest request) =>
        !string.IsNullOrWhiteSpace(request.FaultCategory)
        && (request.CustomerId is not null || !string.IsNullOrWhiteSpace(request.CustomerName));

    /// <summary>
    /// Earlier orders that make a request a repeat, as a query condition: completed since the first
    /// counting day (<paramref name="sinceUtc"/>, its local midnight) and no later than the request.
    /// </summary>
    public static IQueryable<RepairOrder> EarlierOrders(this IQueryable<RepairOrder> orders, int customerId, string productModel,
        string serialNumber, string faultCategory, DateTime sinceUtc, DateTime beforeUtc)
    {
        var completed = orders.Where(o => o.CompletedAt != null && o.CompletedAt >= sinceUtc && o.CompletedAt <= beforeUtc && o.FaultCategory == faultCategory);
        return serialNumber.Length > 0
            ? completed.Where(o => o.SerialNumber == serialNumber)
            : completed.Where(o => o.CustomerId == customerId && o.ProductModel == productModel);
    }
}

/// <summary>The kinds of fault a request is filed under ("the same fault" of the repeat rule).</summary>
public static class RepairFaults
{
    public static readonly IReadOnlyList<string> Categories =
        ["不开机/无显示", "误报警", "通讯故障", "部件损坏", "不制冷/不制热", "漏水", "异响", "控制失灵", "其他"];
}
