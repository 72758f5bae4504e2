using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// A full repair order for benchmarks over a database without generated repairs: registered by a
/// clerk, dispatched, quoted twice (the first rejected by the head), accepted with a prepaid fee,
/// completed with two parts, its feedback slip handed in and reviewed — through the domain's steps.
/// Adds two fee schedule items when the schedule is empty.
/// </summary>
internal static class BenchRepairs
{
    public static async Task<string> WalkOneAsync(BenchDatabase bench, CancellationToken ct)
    {
        var repairs = bench.Get<RepairService>();
        string clerk, head, staff;
        await using (var db = await bench.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            async Task<string> UserAsync(string role) =>
                await db.Users.Where(u => u.Role == role && !u.IsDisabled).OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"The benchmark database has no {role} account.");
            (clerk, head, staff) = (await UserAsync(Roles.Clerk), await UserAsync(Roles.DepartmentHead), await UserAsync(Roles.Staff));
            if (!await db.FeeItems.AnyAsync(ct))
            {
                var from = new DateOnly(2020, 1, 1);
                db.FeeItems.AddRange(new FeeItem("主板", FeeKind.Part, "块", 680m, from), new FeeItem("探测器底座", FeeKind.Part, "个", 35.5m, from),
                    new FeeItem("上门维修人工", FeeKind.Labour, "次", 150m, from));
                await db.SaveChangesAsync(ct);
            }
        }
        var fees = await repairs.FeeScheduleAsync(null, ct);
        var part = fees.First(f => f.Kind == FeeKind.Part);
        var labour = fees.FirstOrDefault(f => f.Kind == FeeKind.Labour) ?? part;
        var other = fees.LastOrDefault(f => f.Kind == FeeKind.Part && f.Id != part.Id) ?? part;

        var order = await repairs.RegisterAsync(new RepairRequest
        {
            CustomerName = "基准测试客户", CustomerPhone = "13800000000", Address = "沈阳市和平区南京北街 1 号 消防控制室",
            ContactName = "李志强", ContactPhone = "13900001111", ProductModel = "JB-QB-5000", SerialNumber = "SN-BENCH-0001",
            PurchaseDate = new DateOnly(2020, 3, 15), FaultCategory = "误报警", FaultDescription = "主机夜间频繁误报警，复位后半小时又报警。",
            Channel = ComplaintChannel.Phone, IsRemote = true,
        }, clerk, ct);
        var n = order.Number;
        var now = bench.Get<TimeProvider>().GetUtcNow();
        await repairs.DispatchAsync(n, head, null, staff, ct);
        await repairs.BookAsync(n, staff, null, now.AddHours(2), "", ct);
        await repairs.QuoteAsync(n, staff, null, new RepairQuoteInput("主板电容老化", "更换主板", false, [new QuoteLineInput(part.Id, 1)], 300m), ct);
        await repairs.RejectQuoteAsync(n, head, null, "漏报探测器底座", ct);
        await repairs.QuoteAsync(n, staff, null, new RepairQuoteInput("主板电容老化，探测器底座受潮", "更换主板及探测器底座", false,
            [new QuoteLineInput(part.Id, 1), new QuoteLineInput(other.Id, 3), new QuoteLineInput(labour.Id, 1)], 300m), ct);
        await repairs.ApproveQuoteAsync(n, head, null, "同意", ct);
        var total = (await repairs.GetAsync(n, null, ct))!.Quotes[^1].Total;
        await repairs.AcceptAsync(n, clerk, null, total, ct);
        await repairs.CompleteAsync(n, staff, null, new RepairCompletionInput("更换主板与探测器底座，系统复位后联动测试",
            [new ReplacedPartInput("主板", "MB-OLD-1", "MB-NEW-1"), new ReplacedPartInput("探测器底座", "DB-OLD-7", "DB-NEW-9")],
            "联动测试正常", false, total, "李志强", null), ct);
        await repairs.SubmitFeedbackSlipAsync(n, staff, null, "已更换主板，系统运行正常", ct);
        await repairs.ReviewAsync(n, head, null, "审核通过", ct);
        return n;
    }
}
