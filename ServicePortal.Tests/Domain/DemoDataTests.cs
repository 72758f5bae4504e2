using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Demo;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>A new database (no test accounts) filled once with the demo data, on the fixture's fixed clock.</summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    private const string SqliteOnly = "the demo data is generated on SQLite only (its bulk writer)";
    private DomainFixture? _fixture;

    /// <summary>The seeded database; on PostgreSQL none is made and the test using it is skipped.</summary>
    public DomainFixture Fixture
    {
        get
        {
            DomainFixture.SkipOnPostgreSQL(SqliteOnly);
            return _fixture!;
        }
    }

    public static async Task<DomainFixture> CreateAsync()
    {
        DomainFixture.SkipOnPostgreSQL(SqliteOnly);
        var f = await DomainFixture.CreateAsync(accounts: false);
        await using var scope = f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().SeedAsync(TestContext.Current.CancellationToken);
        return f;
    }

    public async ValueTask InitializeAsync()
    {
        if (DomainFixture.DefaultDatabase != PortalDatabase.PostgreSQL) _fixture = await CreateAsync();
    }

    public ValueTask DisposeAsync() => _fixture?.DisposeAsync() ?? ValueTask.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<SeededDemoDatabase>
{
    public const string Name = "Seeded demo database";
}

[Collection(DemoDataCollection.Name)]
public class DemoDataAccountsTests(SeededDemoDatabase demo)
{
    [Theory]
    [InlineData("admin", Roles.Admin, "客服部")]
    [InlineData("exec", Roles.Executive, "总经理室")]
    [InlineData("head", Roles.DepartmentHead, "客服部")]
    [InlineData("director", Roles.Director, "客服部")]
    [InlineData("clerk", Roles.Clerk, "客服部")]
    [InlineData("staff", Roles.Staff, "维修部")]
    public async Task DemoAccount_HasItsRoleAndDepartment_AndSignsInWithTheDemoPassword(string userName, string role, string department)
    {
        await using var scope = demo.Fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.Users.Include(u => u.Department).SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);

        (await users.GetRolesAsync(user)).ShouldBe([role]);
        user.Role.ShouldBe(role);
        user.Department!.Name.ShouldBe(department);
        user.DisplayName.ShouldMatch(@"^\p{IsCJKUnifiedIdeographs}{2,3}$");
        (await users.CheckPasswordAsync(user, DemoDataGenerator.DemoPassword)).ShouldBeTrue();
        (await users.CheckPasswordAsync(user, "wrong-password")).ShouldBeFalse();
    }

    [Fact]
    public async Task DemoColleagues_WorkInSeveralDepartments_WithTheSamePassword()
    {
        await using var scope = demo.Fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var all = await users.Users.Include(u => u.Department).ToListAsync(TestContext.Current.CancellationToken);

        all.Count.ShouldBeInRange(16, 24);
        all.Where(u => u.Role == Roles.DepartmentHead).Select(u => u.Department!.Name)
            .ShouldBe(["客服部", "维修部", "工程部", "质量管理部"], ignoreOrder: true);
        all.Where(u => u.Role is Roles.Clerk or Roles.Staff).Select(u => u.Department!.Name).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
        foreach (var user in all.Where(u => u.UserName != "admin").Take(3))
            (await users.CheckPasswordAsync(user, DemoDataGenerator.DemoPassword)).ShouldBeTrue();
    }
}

[Collection(DemoDataCollection.Name)]
public class DemoDataNumberingTests(SeededDemoDatabase demo)
{
    [Fact]
    public async Task Numbers_AreGapFreePerMonth_InReceivedOrder_AndMatchTheSerialTable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var rows = await db.Complaints.AsNoTracking()
            .Select(c => new { c.Id, c.Number, c.ReceivedMonth, c.ReceivedAt }).ToListAsync(ct);
        var serials = await db.ComplaintSerials.AsNoTracking().ToDictionaryAsync(s => s.Month, s => s.Last, ct);
        var clock = demo.Fixture.Get<PortalClock>();

        var months = rows.GroupBy(r => r.ReceivedMonth).ToList();
        months.Count.ShouldBeInRange(24, 26);
        serials.Keys.ShouldBe(months.Select(m => m.Key), ignoreOrder: true);
        foreach (var month in months)
        {
            var ordered = month.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToList();
            ordered.Select(r => r.Number).ShouldBe(Enumerable.Range(1, ordered.Count).Select(i => ComplaintNumber.Format(month.Key, i)));
            ordered.ShouldAllBe(r => ComplaintNumber.MonthKey(clock.ToLocal(r.ReceivedAt)) == month.Key);
            serials[month.Key].ShouldBe(ordered.Count);
        }
    }

    [Fact]
    public async Task NextRealRegistration_ContinuesTheMonthWithoutAGap()
    {
        var ct = TestContext.Current.CancellationToken;
        // Its own seeded database: the shared one must stay exactly as generated for the other tests.
        await using var f = await SeededDemoDatabase.CreateAsync();
        await using (var db = f.NewDb())
        {
            var month = ComplaintNumber.MonthKey(f.Get<PortalClock>().LocalNow);
            var last = await db.ComplaintSerials.Where(s => s.Month == month).Select(s => s.Last).SingleAsync(ct);
            var count = await db.Complaints.CountAsync(c => c.ReceivedMonth == month, ct);
            last.ShouldBe(count);
        }
        var clerk = await f.UserAsync("clerk");

        var detail = await f.Get<ComplaintService>().RegisterAsync(new ComplaintInput
        {
            CustomerName = "测试客户", CustomerPhone = "13800000000", Channel = ComplaintChannel.Phone,
            Content = "空调不制冷", CustomerRequest = "尽快上门", Category = "设备故障", Severity = ComplaintSeverity.Normal,
        }, clerk.Id, ct);

        await using var after = f.NewDb();
        var numbers = await after.Complaints.Where(c => c.ReceivedMonth == 202611).Select(c => c.Number).ToListAsync(ct);
        detail.Number.ShouldBe(ComplaintNumber.Format(202611, numbers.Count));
        numbers.Distinct().Count().ShouldBe(numbers.Count);
    }
}

[Collection(DemoDataCollection.Name)]
public class DemoDataVarietyTests(SeededDemoDatabase demo)
{
    [Fact]
    public async Task EveryStatusChannelSeverityAndCategory_Occurs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var cases = await db.Complaints.AsNoTracking().Include(c => c.Category).ToListAsync(ct);

        cases.Select(c => c.Status).Distinct().ShouldBe(Enum.GetValues<ComplaintStatus>(), ignoreOrder: true);
        cases.Select(c => c.Channel).Distinct().ShouldBe(Enum.GetValues<ComplaintChannel>(), ignoreOrder: true);
        cases.Select(c => c.Severity).Distinct().ShouldBe(Enum.GetValues<ComplaintSeverity>(), ignoreOrder: true);
        cases.Select(c => c.Category.Name).Distinct().ShouldBe(ComplaintCategory.Defaults, ignoreOrder: true);
    }

    [Fact]
    public async Task Volume_IsAbout80To120AMonth_WithMostlyNormalSeverityAndPhoneFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var cases = await db.Complaints.AsNoTracking().Select(c => new { c.ReceivedMonth, c.Severity, c.Channel }).ToListAsync(ct);
        var months = cases.GroupBy(c => c.ReceivedMonth).OrderBy(g => g.Key).ToList();

        // The first and the current month are part months.
        months.Skip(1).SkipLast(1).ShouldAllBe(m => m.Count() >= 80 && m.Count() <= 120);
        var normal = cases.Count(c => c.Severity == ComplaintSeverity.Normal) / (double)cases.Count;
        var urgent = cases.Count(c => c.Severity == ComplaintSeverity.Urgent) / (double)cases.Count;
        normal.ShouldBeInRange(0.72, 0.86);
        urgent.ShouldBeInRange(0.02, 0.09);
        cases.GroupBy(c => c.Channel).MaxBy(g => g.Count())!.Key.ShouldBe(ComplaintChannel.Phone);
    }

    [Fact]
    public async Task OldCases_AreAlmostAllClosed_AndRecentOnesAreSpreadOverTheStages()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = demo.Fixture.Time.GetUtcNow().UtcDateTime;
        await using var db = demo.Fixture.NewDb();
        var cases = await db.Complaints.AsNoTracking().Select(c => new { c.ReceivedAt, c.Status }).ToListAsync(ct);

        var old = cases.Where(c => c.ReceivedAt < now.AddDays(-60)).ToList();
        (old.Count(c => c.Status == ComplaintStatus.Closed) / (double)old.Count).ShouldBeGreaterThan(0.99);
        var recent = cases.Where(c => c.ReceivedAt >= now.AddDays(-21)).ToList();
        recent.Select(c => c.Status).Distinct().ShouldBe(Enum.GetValues<ComplaintStatus>(), ignoreOrder: true);
    }

    [Fact]
    public async Task History_StartsWithTheIntake_FollowsTheStages_AndEndsAtTheCurrentStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = demo.Fixture.Time.GetUtcNow().UtcDateTime;
        await using var db = demo.Fixture.NewDb();
        var cases = await db.Complaints.AsNoTracking().Include(c => c.History).AsSplitQuery().ToListAsync(ct);

        foreach (var c in cases)
        {
            var history = c.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
            history[0].Action.ShouldBe(ComplaintHistory.Registered);
            history[0].Note.ShouldBe($"受理投诉：{c.Channel.Chinese()}，{c.Severity.Chinese()}{(c.RepairNumber is null ? "" : $"；关于维修单 {c.RepairNumber}")}");
            history[0].ActorId.ShouldBe(c.OwnerId);
            history[0].At.ShouldBe(c.CreatedAt);
            history.Select(h => h.Id).ShouldBe(c.History.OrderBy(h => h.Id).Select(h => h.Id)); // written in time order
            history[^1].At.ShouldBe(c.UpdatedAt);
            history.ShouldAllBe(h => h.At >= c.ReceivedAt && h.At <= now && h.ActorName != "");
            c.PromisedReplyAt.ShouldBeGreaterThan(c.ReceivedAt);
            c.Version.ShouldBe(history.Count - 1);

            // The last step that moved the stage (escalation and extensions leave it as it is).
            var last = history.Last(h => h.Action is not ("逾期" or "逾期反应" or "申请延期" or "同意延期" or "不同意延期")).Action;
            var expected = c.Status switch
            {
                ComplaintStatus.Registered => ["受理"],
                ComplaintStatus.Valid => ["判定成立"],
                ComplaintStatus.NotValid => ["判定不成立"],
                ComplaintStatus.Assigned => ["分派", "重开调查"],
                ComplaintStatus.Investigated => ["调查完成", "驳回方案"],
                ComplaintStatus.PendingApproval => ["提交处理方案", "审批通过"],
                ComplaintStatus.ToReply => ["提交处理方案", "审批通过"],
                ComplaintStatus.Replied => ["答复客户"],
                ComplaintStatus.Satisfied => ["客户满意"],
                ComplaintStatus.Unsatisfied => ["客户不满意"],
                _ => new[] { "结案" },
            };
            expected.ShouldContain(last, $"{c.Number} {c.Status}");
            (c.ResponsibleDepartmentId is not null).ShouldBe(history.Any(h => h.Action == "分派"), c.Number);
        }
    }

    [Fact]
    public async Task TheRegisterAndTheDetail_ReadTheDemoCases()
    {
        var ct = TestContext.Current.CancellationToken;
        var complaints = demo.Fixture.Get<ComplaintService>();

        var open = await complaints.SearchAsync(new ComplaintQuery { OpenOnly = true, PageSize = 200 }, ct);
        var latest = await complaints.SearchAsync(new ComplaintQuery { PageSize = 5 }, ct);
        var detail = await complaints.GetAsync(latest.Items[0].Number, ct);

        open.TotalCount.ShouldBeInRange(20, 150);
        latest.TotalCount.ShouldBeGreaterThan(2000);
        latest.Items.ShouldBe(latest.Items.OrderByDescending(i => i.ReceivedAt).ToList());
        detail.ShouldNotBeNull();
        detail.History.ShouldNotBeEmpty();
        detail.CustomerName.ShouldNotBeNullOrWhiteSpace();
        detail.Owner.Name.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task About300Customers_WithValidPhones_AndSomeForeignOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var customers = await db.Customers.AsNoTracking().ToListAsync(ct);

        customers.Count.ShouldBeInRange(280, 320);
        // A destroyed file (the demo's completed destruction, A-4) keeps no phone and no address: the erasure blanks them.
        customers.Where(c => c.DestroyedAt != null).ShouldAllBe(c => c.Phone == "" && c.Address == "");
        customers = customers.Where(c => c.DestroyedAt == null).ToList();
        customers.ShouldAllBe(c => ComplaintValidator.PhoneError(c.Phone) == null);
        customers.Count(c => c.Phone.StartsWith('0')).ShouldBeGreaterThan(10);
        customers.Count(c => c.IsForeign).ShouldBeInRange(5, 30);
        customers.Count(c => c.Name.EndsWith("公司", StringComparison.Ordinal)).ShouldBeGreaterThan(20);
        customers.Where(c => !c.IsForeign).ShouldAllBe(c => c.Address.Contains('市') && c.Address.Contains('区') && c.Address.Contains('号'));
        (await db.Complaints.Select(c => c.CustomerId).Distinct().CountAsync(ct)).ShouldBeGreaterThan(200);
    }

    [Fact]
    public async Task Database_HasNoBrokenReferences()
    {
        await using var db = demo.Fixture.NewDb();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        reader.HasRows.ShouldBeFalse();
    }
}

[Collection(DemoDataCollection.Name)]
public class DemoDataTextTests(SeededDemoDatabase demo)
{
    /// <summary>Common characters that exist only in Traditional Chinese; demo data must be Simplified.</summary>
    private const string TraditionalOnly =
        "們這個對說訴處維質門電話務戶號時間題應當機關會從後來經開長無與發實現點體將區級總員場業書種麼廣線車東" +
        "師費換價錢氣熱溫調統檢測裝設備態遲讓請謝紀錄給還進過動運議見覽響頭際樓層衛環險護";

    private static readonly System.Buffers.SearchValues<char> Traditional = System.Buffers.SearchValues.Create(TraditionalOnly);

    [Fact]
    public async Task EveryText_IsSimplifiedChinese()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var texts = new List<string>();
        texts.AddRange(await db.Users.Select(u => u.DisplayName).ToListAsync(ct));
        texts.AddRange(await db.Customers.Select(c => c.Name + " " + c.Address).ToListAsync(ct));
        texts.AddRange(await db.Complaints.Select(c => c.Content + " " + c.CustomerRequest).ToListAsync(ct));
        texts.AddRange(await db.ComplaintHistory.Select(h => h.ActorName + " " + h.Action + " " + h.Note).ToListAsync(ct));
        texts.AddRange(await db.Complaints.Select(c => c.JudgementReason + " " + c.NotValidExplanation + " " + c.ResponsiblePersonName).ToListAsync(ct));
        texts.AddRange(await db.Set<ComplaintInvestigation>().Select(i => i.Cause + " " + i.ResponsibleParty + " " + i.Measures).ToListAsync(ct));
        texts.AddRange(await db.Set<ResolutionItem>().Select(i => i.Description).ToListAsync(ct));
        texts.AddRange(await db.Set<ComplaintReply>().Select(r => r.Content).ToListAsync(ct));
        texts.AddRange(await db.Set<ComplaintFeedback>().Select(f => f.Note).ToListAsync(ct));
        texts.AddRange(await db.DeadlineExtensions.Select(e => e.Reason + " " + e.DecisionReason).ToListAsync(ct));

        var offending = texts.Where(t => t.AsSpan().IndexOfAny(Traditional) >= 0).Take(5).ToList();
        offending.ShouldBeEmpty();
        texts.ShouldAllBe(t => !t.Contains('{') && !t.Contains('}'));
    }
}

public class DemoDataDeterminismTests
{
    [Fact]
    public async Task TwoNewDatabases_OnTheSameClock_GetTheSameNumbersCustomersAndTexts()
    {
        await using var first = await SeededDemoDatabase.CreateAsync();
        await using var second = await SeededDemoDatabase.CreateAsync();

        (await SnapshotAsync(first)).ShouldBe(await SnapshotAsync(second));
    }

    private static async Task<List<string>> SnapshotAsync(DomainFixture f)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = f.NewDb();
        var rows = await db.Customers.OrderBy(c => c.Id).Select(c => $"{c.Id}|{c.Name}|{c.Phone}|{c.Address}|{c.IsForeign}").ToListAsync(ct);
        rows.AddRange(await db.Complaints.OrderBy(c => c.Number)
            .Select(c => $"{c.Number}|{c.CustomerId}|{c.Channel}|{c.Severity}|{c.Status}|{c.ReceivedAt:O}|{c.Owner.UserName}|{c.Content}|{c.CustomerRequest}" +
                $"|{c.IsValid}|{c.ResponsibleDepartmentId}|{c.ResponsiblePersonName}|{c.Round}|{c.CloseDue:O}|{c.FirstRepliedAt:O}|{c.ClosedAt:O}|{c.IsOverdue}")
            .ToListAsync(ct));
        rows.AddRange(await db.ComplaintHistory.OrderBy(h => h.Id).Select(h => $"{h.ComplaintId}|{h.At:O}|{h.ActorName}|{h.Action}|{h.Note}").ToListAsync(ct));
        return rows;
    }
}
