using System.Collections.Concurrent;
using System.Diagnostics;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;
using ServicePortal.Tests.Api;
using static ServicePortal.Tests.Postgres.TwoPortalInstances;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// Issue 12: a change saved on app instance A reaches the pages open on instance B (B's change feeds) within 2 seconds when
/// both run on one PostgreSQL database (LISTEN/NOTIFY, <see cref="PostgresChangeBackplane"/>); a calendar edit on A drops B's
/// cached calendar, an account moved on A B's owners list (<see cref="ReferenceListCache"/>); the listening connection comes back
/// after PostgreSQL killed it.
/// </summary>
public sealed class LiveUpdatesAcrossInstancesTests
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AComplaintRegisteredOnA_ReachesBsFeedAndDashboardFigures_WithinTwoSeconds()
    {
        await using var apps = await StartAsync();
        var kpis = Get<KpiService>(apps.B);
        var month = DateOnly.FromDateTime(Get<PortalClock>(apps.B).LocalNow.AddHours(-1)); // ValidComplaint: received an hour ago
        var request = new KpiRequest(new DateOnly(month.Year, month.Month, 1), new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1));
        var before = (await kpis.ReportAsync(request, Ct)).Received.Count;
        var onB = new TaskCompletionSource<ComplaintChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var b = Get<IChangeFeed<ComplaintChanged>>(apps.B).Subscribe(c => { onB.TrySetResult(c); return Task.CompletedTask; });
        var onA = new ConcurrentQueue<ComplaintChanged>();
        using var a = Get<IChangeFeed<ComplaintChanged>>(apps.A).Subscribe(c => { onA.Enqueue(c); return Task.CompletedTask; });

        var clerk = await SignedInAsync(apps.A, "clerk");
        var number = (await clerk.RegisterAsync(Api.Api.ValidComplaint()))["number"]!.GetValue<string>();
        var watch = Stopwatch.StartNew();

        var change = await onB.Task.WaitAsync(Target, Ct);
        watch.Elapsed.ShouldBeLessThan(Target);
        change.Number.ShouldBe(number);
        change.Status.ShouldBe(ComplaintStatus.Registered);
        change.Action.ShouldBe(ComplaintHistory.Registered);
        (await kpis.ReportAsync(request, Ct)).Received.Count.ShouldBe(before + 1);
        // A delivered its own change once, at once, and ignored its echo from PostgreSQL.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        onA.Select(c => c.Number).ShouldBe([number]);
    }

    [Fact]
    public async Task FiftyParallelRegistrations_SplitOverAAndB_GetGapFreeNumbers_AndEachInstanceHearsTheOthers()
    {
        await using var apps = await StartAsync();
        var heardOnA = new ConcurrentQueue<string>();
        var heardOnB = new ConcurrentQueue<string>();
        using var a = Get<IChangeFeed<ComplaintChanged>>(apps.A).Subscribe(c => { heardOnA.Enqueue(c.Number); return Task.CompletedTask; });
        using var b = Get<IChangeFeed<ComplaintChanged>>(apps.B).Subscribe(c => { heardOnB.Enqueue(c.Number); return Task.CompletedTask; });
        var clerks = new[] { await SignedInAsync(apps.A, "clerk"), await SignedInAsync(apps.B, "clerk") };

        var saved = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            (await clerks[i % 2].RegisterAsync(Api.Api.ValidComplaint($"第 {i} 位客户的投诉")))["number"]!.GetValue<string>(), Ct)));

        var prefix = saved[0][..6]; // TS + yyMM
        saved.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, 50).Select(n => $"{prefix}{n:D3}"));
        var all = saved.Order(StringComparer.Ordinal).ToList();
        await WaitUntilAsync(() => heardOnA.Distinct().Count() == 50 && heardOnB.Distinct().Count() == 50, Target);
        heardOnA.Order(StringComparer.Ordinal).ShouldBe(all); // each once: no echo
        heardOnB.Order(StringComparer.Ordinal).ShouldBe(all);
    }

    [Fact]
    public async Task ACalendarEditOnA_IsSeenByBsCalendar_WithinTwoSeconds()
    {
        await using var apps = await StartAsync();
        var calendarB = Get<CalendarService>(apps.B);
        var day = new DateOnly(2031, 6, 4); // a Wednesday
        (await calendarB.CurrentAsync(Ct)).IsWorkingDay(day).ShouldBeTrue(); // B holds the calendar in its cache now
        var admin = await apps.A.UserIdAsync("admin");

        await Get<CalendarService>(apps.A).SetDayAsync(admin, day, DayKind.Holiday, "调休测试", Ct);

        await WaitUntilAsync(async () => !(await calendarB.CurrentAsync(Ct)).IsWorkingDay(day), Target);

        await Get<CalendarService>(apps.A).SaveWorkingHoursAsync(admin, new TimeOnly(9, 0), new TimeOnly(18, 0), Ct);

        await WaitUntilAsync(async () => (await calendarB.WorkingHoursAsync(Ct)).DayStart == new TimeOnly(9, 0), Target);
    }

    [Fact]
    public async Task ACalendarEditOnA_EmptiesBsMonthCaches()
    {
        await using var apps = await StartAsync();
        var clerk = await SignedInAsync(apps.A, "clerk");
        await clerk.RegisterAsync(Api.Api.ValidComplaint());
        var kpis = Get<KpiService>(apps.B);
        var durations = Get<KpiDurationCache>(apps.B);
        var month = DateOnly.FromDateTime(Get<PortalClock>(apps.B).LocalNow.AddHours(-1)); // ValidComplaint: received an hour ago
        var first = new DateOnly(month.Year, month.Month, 1);
        var request = new KpiRequest(first, first.AddMonths(1).AddDays(-1)); // a whole month: its durations are cached
        await kpis.ReportAsync(request, Ct);
        var reads = durations.Reads;
        await kpis.ReportAsync(request, Ct);
        durations.Reads.ShouldBe(reads, "the second report of the same months was not served from the cache: the test proves nothing");
        reads.ShouldBeGreaterThan(0, "no month was cached: the test proves nothing");

        await Get<CalendarService>(apps.A).SaveWorkingHoursAsync(await apps.A.UserIdAsync("admin"), new TimeOnly(8, 0), new TimeOnly(17, 0), Ct);

        await WaitUntilAsync(async () =>
        {
            await kpis.ReportAsync(request, Ct);
            return durations.Reads > reads;
        }, Target);
    }

    [Fact]
    public async Task AnAccountMovedOnA_IsInBsOwnersList_WithinTwoSeconds()
    {
        await using var apps = await StartAsync();
        var ownersB = Get<UserDirectory>(apps.B);
        var listsB = Get<ReferenceListCache>(apps.B);
        (await ownersB.ListOwnersAsync(Ct)).ShouldNotContain(o => o.DisplayName == "王总"); // the executive takes no complaints
        var reads = listsB.Reads;
        await ownersB.ListOwnersAsync(Ct);
        listsB.Reads.ShouldBe(reads, "B read its owners list again: the test proves nothing");
        var accountsA = Get<AccountService>(apps.A);
        var repairs = (await accountsA.DepartmentsAsync(Ct)).Single(d => d.Name == "维修部").Id;

        await accountsA.ChangeRoleAsync(await apps.A.UserIdAsync("exec"), Roles.Clerk, repairs, await apps.A.UserIdAsync("admin"), Ct);

        await WaitUntilAsync(async () => (await ownersB.ListOwnersAsync(Ct)).Any(o => o.DisplayName == "王总" && o.Department == "维修部"), Target);
    }

    [Fact]
    public async Task AfterPostgresKillsBsListeningConnection_BListensAgain_StillHearsA_AndDropsItsCachedCalendarAndLists()
    {
        await using var apps = await StartAsync();
        var calendarB = Get<CalendarService>(apps.B);
        var day = new DateOnly(2031, 6, 4); // a Wednesday
        (await calendarB.CurrentAsync(Ct)).IsWorkingDay(day).ShouldBeTrue(); // cached on B
        var accountsB = Get<AccountService>(apps.B);
        (await accountsB.DepartmentsAsync(Ct)).ShouldContain(d => d.Name == "工程部"); // cached on B
        // Edits whose messages B missed (written straight into the database: no message at all).
        await apps.ScalarAsync("""INSERT INTO "CalendarDays" ("Date", "Kind", "Name") VALUES (@date, 'Holiday', '断线期间')""", ("date", day));
        await apps.ScalarAsync("""UPDATE "Departments" SET "Name" = '工程技术部' WHERE "Name" = '工程部'""");
        (await calendarB.CurrentAsync(Ct)).IsWorkingDay(day).ShouldBeTrue(); // still the cached calendar
        (await accountsB.DepartmentsAsync(Ct)).ShouldContain(d => d.Name == "工程部"); // still the cached list
        var listener = $"{PostgresChangeBackplane.ListenerName} {Backplane(apps.B).InstanceId}";
        const string Killed = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name";
        (await apps.ScalarAsync(Killed, ("name", listener))).ShouldBe(1L);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var b = Get<IChangeFeed<ComplaintChanged>>(apps.B).Subscribe(c =>
        {
            if (c.Number == "TS-after-kill") heard.TrySetResult();
            return Task.CompletedTask;
        });

        // What A sends while B is away is lost: A keeps sending until B hears one (B waits 0.5 s before opening again).
        var feedA = Get<IChangeFeed<ComplaintChanged>>(apps.A);
        var watch = Stopwatch.StartNew();
        while (!heard.Task.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            feedA.Publish(new ComplaintChanged("TS-after-kill", ComplaintStatus.Registered, "测试", DateTime.UtcNow));
            await Task.WhenAny(heard.Task, Task.Delay(200, Ct));
        }

        heard.Task.IsCompleted.ShouldBeTrue("B did not hear A within 15 s of its listening connection being killed");
        (await apps.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", ("name", listener))).ShouldBe(1L);
        (await calendarB.CurrentAsync(Ct)).IsWorkingDay(day).ShouldBeFalse("B kept its cached calendar across the lost connection");
        (await accountsB.DepartmentsAsync(Ct)).ShouldContain(d => d.Name == "工程技术部", "B kept its departments across the lost connection");
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan within) => WaitUntilAsync(() => Task.FromResult(condition()), within);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            watch.Elapsed.ShouldBeLessThan(within, "not seen in time");
            await Task.Delay(50, Ct);
        }
    }
}
