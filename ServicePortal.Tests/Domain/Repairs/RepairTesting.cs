using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>
/// Drives repair orders for the repair tests: a request as the clerk registers it, a small fee
/// schedule (a part, labour, travel), and <see cref="WalkToAsync"/>, which takes the natural next
/// step (head dispatches to staff, staff books and quotes, head approves, clerk records the
/// customer's acceptance with the fee, staff completes and hands in the slip, head reviews).
/// </summary>
public sealed class RepairCycle
{
    private readonly Dictionary<string, string> _ids;

    private RepairCycle(DomainFixture f, Dictionary<string, string> ids) { F = f; _ids = ids; }

    public DomainFixture F { get; }
    public RepairService Repairs => F.Get<RepairService>();
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
    public FeeItem Board { get; private set; } = null!;
    public FeeItem Labour { get; private set; } = null!;
    public FeeItem Travel { get; private set; } = null!;

    public static async Task<RepairCycle> CreateAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        var cycle = new RepairCycle(f, await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, Ct));
        cycle.Board = new FeeItem("主板", FeeKind.Part, "块", 680m, new DateOnly(2026, 1, 1));
        cycle.Labour = new FeeItem("上门维修人工", FeeKind.Labour, "次", 150m, new DateOnly(2026, 1, 1));
        cycle.Travel = new FeeItem("外地差旅", FeeKind.Travel, "次", 300m, new DateOnly(2026, 1, 1));
        db.FeeItems.AddRange(cycle.Board, cycle.Labour, cycle.Travel);
        await db.SaveChangesAsync(Ct);
        return cycle;
    }

    public string Id(string userName) => _ids[userName];

    /// <summary>A valid request: 王建国's controller, bought 2026-03-15 (in warranty on 2026-11-24), serial SN-1001, fault 误报警.</summary>
    public static RepairRequest Request(Action<RepairRequest>? change = null)
    {
        var r = new RepairRequest
        {
            CustomerName = "王建国",
            CustomerPhone = "13812345678",
            Address = "沈阳市和平区南京北街 1 号",
            ContactName = "王建国",
            ContactPhone = "13812345678",
            ProductModel = "JB-QB-5000",
            SerialNumber = "SN-1001",
            PurchaseDate = new DateOnly(2026, 3, 15),
            FaultCategory = "误报警",
            FaultDescription = "主机夜间频繁误报警",
            Channel = ComplaintChannel.Phone,
        };
        change?.Invoke(r);
        return r;
    }

    public async Task<RepairDetail> RegisterAsync(RepairRequest? request = null, string userName = "clerk") =>
        await Repairs.RegisterAsync(request ?? Request(), Id(userName), Ct);

    public Task<RepairDetail> GetAsync(string number) => Repairs.GetAsync(number, null, Ct)!;

    public RepairQuoteInput Quote(decimal travel = 0, bool notProductFault = false) =>
        new("主板电容老化", "更换主板", notProductFault, [new QuoteLineInput(Board.Id, 1), new QuoteLineInput(Labour.Id, 1)], travel);

    public static RepairCompletionInput Completion(DateTime? at = null) =>
        new("更换主板并复位", [new ReplacedPartInput("主板", "MB-OLD-1", "MB-NEW-1")], "联动测试正常", false, 0m, "王建国", at);

    /// <summary>Takes the natural next steps until the order is at <paramref name="stage"/>.</summary>
    public async Task WalkToAsync(string number, RepairStage stage)
    {
        for (var steps = 0; steps < 12; steps++)
        {
            var o = await GetAsync(number);
            if (o.Stage == stage) return;
            var now = F.Time.GetUtcNow();
            switch (o.Stage)
            {
                case RepairStage.ToDispatch: await Repairs.DispatchAsync(number, Id("head"), null, Id("staff"), Ct); break;
                case RepairStage.Dispatched: await Repairs.BookAsync(number, Id("staff"), null, now.AddHours(2), "", Ct); break;
                case RepairStage.Booked: await Repairs.QuoteAsync(number, Id("staff"), null, Quote(), Ct); break;
                case RepairStage.QuotePending: await Repairs.ApproveQuoteAsync(number, Id("head"), null, "", Ct); break;
                case RepairStage.QuoteApproved:
                    var total = o.Quotes[^1].Total;
                    await Repairs.AcceptAsync(number, Id("clerk"), null, total > 0 ? total : null, Ct);
                    break;
                case RepairStage.InRepair: await Repairs.CompleteAsync(number, Id("staff"), null, Completion(), Ct); break;
                case RepairStage.Completed: await Repairs.SubmitFeedbackSlipAsync(number, Id("staff"), null, "已更换主板，系统运行正常", Ct); break;
                case RepairStage.SlipSubmitted: await Repairs.ReviewAsync(number, Id("head"), null, "", Ct); break;
                default: throw new InvalidOperationException($"cannot walk from {o.Stage} to {stage}");
            }
        }
        throw new InvalidOperationException($"did not reach {stage}");
    }

    public PortalDbContext NewDb() => F.NewDb();
}
