using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>
/// A known set of orders for the dispatch board, the approvals and the home lists: a second
/// technician 陈师傅 (staff2) beside 刘师傅 (staff), and one order at each of these stages —
/// to dispatch; dispatched to staff (not booked); booked by staff2; quote pending (staff);
/// in repair (staff); completed (staff, its slip due the end of the next working day); reviewed
/// (staff, closed). Open per technician: staff 4, staff2 1.
/// </summary>
public sealed class RepairBoardDataset
{
    private RepairBoardDataset(RepairCycle cycle) => Cycle = cycle;

    public RepairCycle Cycle { get; }
    public string ToDispatch { get; private set; } = "";
    public string Dispatched { get; private set; } = "";
    public string Booked { get; private set; } = "";
    public string QuotePending { get; private set; } = "";
    public string InRepair { get; private set; } = "";
    public string Completed { get; private set; } = "";
    public string Reviewed { get; private set; } = "";

    public static async Task AddSecondTechnicianAsync(DomainFixture f)
    {
        await using var scope = f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
            .CreateAccountAsync("staff2", "陈师傅", Roles.Staff, "维修部", TestAccounts.Password);
    }

    public static async Task<RepairBoardDataset> CreateAsync(DomainFixture f)
    {
        await AddSecondTechnicianAsync(f);
        var r = await RepairCycle.CreateAsync(f);
        var d = new RepairBoardDataset(r);
        var ct = RepairCycle.Ct;
        // Different products, so that none is a repeat of another.
        async Task<string> New(string serial, string customer) =>
            (await r.RegisterAsync(RepairCycle.Request(q => { q.SerialNumber = serial; q.CustomerName = customer; q.CustomerPhone = "1390000" + serial[^4..]; }))).Number;

        d.Reviewed = await New("SN-7007", "周七");
        await r.WalkToAsync(d.Reviewed, RepairStage.Reviewed);
        d.ToDispatch = await New("SN-1001", "赵一");
        d.Dispatched = await New("SN-2002", "钱二");
        await r.WalkToAsync(d.Dispatched, RepairStage.Dispatched);
        d.Booked = await New("SN-3003", "孙三");
        await r.Repairs.DispatchAsync(d.Booked, r.Id("head"), null, r.Id("staff2"), ct);
        await r.Repairs.BookAsync(d.Booked, r.Id("staff2"), null, f.Time.GetUtcNow().AddHours(3), "", ct);
        d.QuotePending = await New("SN-4004", "李四");
        await r.WalkToAsync(d.QuotePending, RepairStage.QuotePending);
        d.InRepair = await New("SN-5005", "王五");
        await r.WalkToAsync(d.InRepair, RepairStage.InRepair);
        d.Completed = await New("SN-6006", "吴六");
        await r.WalkToAsync(d.Completed, RepairStage.Completed);
        return d;
    }
}
