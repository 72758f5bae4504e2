using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Kpis;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Seven complaints walked through the cycle on the fake clock (Beijing times), with Wednesday
/// 2026-11-11 made a holiday. The KPI tests check figures computed by hand from this table:
/// <code>
///    received            promised        first reply        feedback     closed             other
/// G  Fri 10-30 10:00     17:30           10-30 11:00        satisfied    10-30 12:00        valid, 维修部/刘师傅, 收费
/// A  Fri 11-06 16:30     Mon 11-09 12:00 Mon 11-09 10:30    satisfied    Mon 11-09 14:30    valid, 维修部/刘师傅
/// B  Tue 11-10 15:00     Thu 11-12 17:30 Thu 11-12 09:30    satisfied    Fri 11-13 16:00    valid, 维修部/刘师傅, 维修质量
/// C  Mon 11-16 09:00     17:30 (late)    Tue 11-17 10:00    unsatisfied, reopened; satisfied; closed Wed 11-18 15:00 (valid, 维修部/刘师傅)
/// D  Wed 11-18 10:00     17:30           11:00              satisfied    16:00              not valid, 来访
/// E  Mon 11-23 09:00     17:30           —                  —            —                  open, promised time passed
/// F  Tue 11-24 08:40     17:30           —                  —            —                  open, due later today
/// </code>
/// Now: Tue 2026-11-24 10:00. Service orders: 2026-10 100, 2026-11 200; active customers 2026-11 150.
/// </summary>
public class KpiDataset : IAsyncLifetime
{
    /// <summary>The store the dataset is built in (PostgresKpiDataset: PostgreSQL).</summary>
    protected virtual PortalDatabase Database => DomainFixture.DefaultDatabase;

    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public DomainFixture F { get; private set; } = null!;
    public ComplaintCycle Cycle { get; private set; } = null!;
    public Dictionary<string, string> Numbers { get; } = [];
    public int RepairDepartmentId => Cycle.RepairDepartmentId;
    public string StaffId => Cycle.Id("staff");
    public string ClerkId => Cycle.Id("clerk");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ComplaintWorkflowService Flow => F.Get<ComplaintWorkflowService>();

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    public async ValueTask InitializeAsync()
    {
        if (Database == PortalDatabase.PostgreSQL && PostgresCluster.Unavailable is not null) return; // each test then skips itself
        F = await DomainFixture.CreateAsync(Local(10, 30, 9), database: Database);
        Cycle = await ComplaintCycle.CreateAsync(F);
        var admin = (await F.UserAsync("admin")).Id;
        await F.Get<CalendarService>().SetDayAsync(admin, new DateOnly(2026, 11, 11), DayKind.Holiday, "测试假日", Ct);
        var kpis = F.Get<KpiService>();
        await kpis.SaveBaseAsync(admin, new KpiBaseInput(202610, 80, 100), Ct);
        await kpis.SaveBaseAsync(admin, new KpiBaseInput(202611, 150, 200), Ct);

        // G, in October.
        var g = await RegisterAt(Local(10, 30, 10), new ComplaintInputBuilder().WithCategory("收费"));
        await ValidToReplyAt(g, Local(10, 30, 10, 10));
        await ReplyAt(g, Local(10, 30, 11));
        await FeedbackAt(g, Local(10, 30, 11, 10), true);
        await CloseAt(g, Local(10, 30, 12));

        var a = await RegisterAt(Local(11, 6, 16, 30), new ComplaintInputBuilder().PromisedReplyAt(Local(11, 9, 12)));
        await ValidToReplyAt(a, Local(11, 6, 17));
        await ReplyAt(a, Local(11, 9, 10, 30));
        await FeedbackAt(a, Local(11, 9, 11), true);
        await CloseAt(a, Local(11, 9, 14, 30));

        var b = await RegisterAt(Local(11, 10, 15), new ComplaintInputBuilder().WithCategory("维修质量").PromisedReplyAt(Local(11, 12, 17, 30)));
        await ValidToReplyAt(b, Local(11, 10, 15, 10));
        await ReplyAt(b, Local(11, 12, 9, 30));
        await FeedbackAt(b, Local(11, 12, 10), true);
        await CloseAt(b, Local(11, 13, 16));

        var c = await RegisterAt(Local(11, 16, 9), new ComplaintInputBuilder());
        await ValidToReplyAt(c, Local(11, 16, 9, 10));
        await ReplyAt(c, Local(11, 17, 10));
        await FeedbackAt(c, Local(11, 17, 10, 30), false);
        await Flow.ReopenAsync(c, Cycle.Id("head"), null, "客户认为退款太少", Ct);
        await Cycle.WalkToAsync(c, ComplaintStatus.ToReply);
        await ReplyAt(c, Local(11, 18, 9));
        await FeedbackAt(c, Local(11, 18, 9, 30), true);

        var d = await RegisterAt(Local(11, 18, 10), new ComplaintInputBuilder().WithChannel(ComplaintChannel.Visit).WithCustomer("孙女士", "13700001111"));
        F.Time.SetUtcNow(Local(11, 18, 10, 30));
        await Flow.JudgeAsync(d, Cycle.Id("head"), null, false, "属正常收费", "您好，经核实上门费按公示标准收取，感谢您的理解。", Ct);
        await ReplyAt(d, Local(11, 18, 11));
        await FeedbackAt(d, Local(11, 18, 11, 30), true);
        await CloseAt(c, Local(11, 18, 15));
        await CloseAt(d, Local(11, 18, 16));

        await RegisterAt(Local(11, 23, 9), new ComplaintInputBuilder().WithCustomer("周先生", "13600002222"), name: "E");
        await RegisterAt(Local(11, 24, 8, 40), new ComplaintInputBuilder().WithCustomer("吴女士", "13500003333"), name: "F");
        F.Time.SetUtcNow(Local(11, 24, 10));
    }

    private int _next;

    private async Task<string> RegisterAt(DateTimeOffset at, ComplaintInputBuilder? input, string? name = null)
    {
        F.Time.SetUtcNow(at);
        var number = (await F.RegisterAsync((input ?? new ComplaintInputBuilder()).Build())).Number;
        Numbers[name ?? "GABCD"[_next++].ToString()] = number;
        return number;
    }

    /// <summary>Head judges valid and assigns 维修部 with 刘师傅; staff investigates and proposes 300 元 (no approval).</summary>
    private async Task ValidToReplyAt(string number, DateTimeOffset at)
    {
        F.Time.SetUtcNow(at);
        await Flow.JudgeAsync(number, Cycle.Id("head"), null, true, "确有其事", "", Ct);
        await Flow.AssignAsync(number, Cycle.Id("head"), null, RepairDepartmentId, StaffId, Ct);
        await Cycle.WalkToAsync(number, ComplaintStatus.ToReply);
    }

    private async Task ReplyAt(string number, DateTimeOffset at)
    {
        F.Time.SetUtcNow(at);
        await Flow.ReplyAsync(number, ClerkId, null, ReplyMethod.Phone, null, "已电话告知处理结果", Ct);
    }

    private async Task FeedbackAt(string number, DateTimeOffset at, bool satisfied)
    {
        F.Time.SetUtcNow(at);
        await Flow.FeedbackAsync(number, ClerkId, null, satisfied, satisfied ? "" : "客户认为退款太少", Ct);
    }

    private async Task CloseAt(string number, DateTimeOffset at)
    {
        F.Time.SetUtcNow(at);
        await Flow.CloseAsync(number, Cycle.Id("head"), null, "", Ct);
    }

    /// <summary>The letters (A … G) of the numbers found, in alphabetical order.</summary>
    public string Letters(IEnumerable<string> numbers)
    {
        var byNumber = Numbers.ToDictionary(kv => kv.Value, kv => kv.Key);
        return string.Concat(numbers.Select(n => byNumber[n]).Order());
    }

    public async ValueTask DisposeAsync()
    {
        if (F is not null) await F.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
