using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>SPEC V-1: revisit tasks are created by the portal — after a repair, after a closed complaint, in the weekly routine lists.</summary>
public class RevisitCreationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompletedRepair_PutsARevisitOnThePile_DueTheNextWorkingDay()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(number, RepairStage.Completed);

        var task = (await f.Get<RevisitTasks>().OfAsync(number, Ct)).Single();
        task.Kind.ShouldBe(RevisitKind.AfterRepair);
        task.Status.ShouldBe(RevisitStatus.Open);
        task.AssigneeId.ShouldBeNull();
        task.Due.ShouldBe(Beijing(2026, 11, 25, 17, 30).UtcDateTime);
        (await f.Get<RevisitTasks>().DetailAsync(task.Id, Ct))!.PeriodKey.ShouldBe(number);
    }

    [Fact]
    public async Task ClosedComplaint_GetsARevisit_TwoWorkingDaysLater_AcrossAMakeUpWeekend()
    {
        // Thursday 2026-12-03 closes; Friday is a holiday, Saturday a make-up working day (调休): days 1 and 2 are Sat 5 and Mon 7.
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 12, 3, 9, 0));
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        await calendar.SetDayAsync(admin, new DateOnly(2026, 12, 4), DayKind.Holiday, "假日", Ct);
        await calendar.SetDayAsync(admin, new DateOnly(2026, 12, 5), DayKind.Workday, "调休", Ct);
        var c = await ComplaintCycle.CreateAsync(f);

        var number = await c.NewCaseAtAsync(ComplaintStatus.Closed);

        var task = (await f.Get<RevisitTasks>().OfAsync(number, Ct)).Single();
        task.Kind.ShouldBe(RevisitKind.AfterComplaint);
        task.Due.ShouldBe(Beijing(2026, 12, 7, 17, 30).UtcDateTime);
        task.About.ShouldStartWith("投诉回访：");
        (await c.StatusAsync(number)).ShouldBe(ComplaintStatus.Closed);
    }

    [Fact]
    public async Task ComplaintRevisitDays_AndQuietHours_FollowTheSettings()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 24, 9, 0));
        var c = await ComplaintCycle.CreateAsync(f);
        var revisits = f.Get<RevisitTasks>();
        var settings = (await revisits.SettingsAsync(Ct)).ToInput() with
        {
            ComplaintRevisitWorkingDays = 1,
            QuietPeriods = [new QuietPeriod(new(12, 0), new(14, 0)), new QuietPeriod(new(17, 0), new(18, 15))],
        };
        await revisits.SaveSettingsAsync(c.Id("director"), settings, Ct);

        var number = await c.NewCaseAtAsync(ComplaintStatus.Closed);

        // The end of the next working day (17:30) lies in 17:00–18:15: moved to its end.
        (await revisits.OfAsync(number, Ct)).Single().Due.ShouldBe(Beijing(2026, 11, 25, 18, 15).UtcDateTime);
    }

    [Fact]
    public async Task QuietHours_MoveATimeToTheEndOfItsPeriod_AcrossMidnight_AndTouchingPeriods()
    {
        var quiet = new QuietHours([new(new(12, 0), new(14, 0)), new(new(14, 0), new(14, 30)), new(new(21, 0), new(8, 0))]);

        quiet.MoveOut(new DateTime(2026, 11, 24, 12, 30, 0)).ShouldBe(new DateTime(2026, 11, 24, 14, 30, 0));
        quiet.MoveOut(new DateTime(2026, 11, 24, 21, 30, 0)).ShouldBe(new DateTime(2026, 11, 25, 8, 0, 0));
        quiet.MoveOut(new DateTime(2026, 11, 25, 7, 59, 0)).ShouldBe(new DateTime(2026, 11, 25, 8, 0, 0));
        quiet.MoveOut(new DateTime(2026, 11, 24, 17, 30, 0)).ShouldBe(new DateTime(2026, 11, 24, 17, 30, 0));
        quiet.At(new DateTime(2026, 11, 24, 14, 0, 0))!.ToString().ShouldBe("14:00–14:30");
        quiet.At(new DateTime(2026, 11, 24, 23, 0, 0))!.ToString().ShouldBe("21:00–次日 08:00");
        quiet.At(new DateTime(2026, 11, 24, 8, 0, 0)).ShouldBeNull();
    }

    [Fact]
    public async Task Routine_KeyCustomersAndCustomersInWarranty_OncePerWeek_EvenWhenRunTwiceAtOnce()
    {
        await using var f = await DomainFixture.CreateAsync(); // Tuesday 2026-11-24, ISO week 48
        var r = await RepairCycle.CreateAsync(f);
        await r.RegisterAsync(); // 王建国, bought 2026-03-15: in warranty
        await r.RegisterAsync(RepairCycle.Request(q => { q.CustomerName = "李四"; q.CustomerPhone = "13900001111"; q.PurchaseDate = new DateOnly(2020, 1, 1); }));
        await r.RegisterAsync(RepairCycle.Request(q => { q.CustomerName = "周大福"; q.CustomerPhone = "13900002222"; }));
        await using (var db = f.NewDb())
        {
            await db.Customers.Where(c => c.Name == "李四" || c.Name == "周大福").ExecuteUpdateAsync(s => s.SetProperty(c => c.IsKeyCustomer, true), Ct);
        }
        var revisits = f.Get<RevisitTasks>();

        var runs = await Task.WhenAll(revisits.GenerateRoutineAsync(Ct), revisits.GenerateRoutineAsync(Ct));
        var again = await revisits.GenerateRoutineAsync(Ct);

        runs.Sum(x => x.Created).ShouldBe(3);
        again.Created.ShouldBe(0);
        again.PeriodKey.ShouldBe("2026-W48");
        var open = await revisits.OpenAsync(ct: Ct);
        open.Where(t => t.Kind == RevisitKind.RoutineKeyCustomer).Select(t => t.CustomerName).Order().ShouldBe(["周大福", "李四"]);
        // 周大福 is a key customer with a product in warranty: one call a week, as a key customer.
        open.Single(t => t.Kind == RevisitKind.RoutineWarranty).CustomerName.ShouldBe("王建国");
        open.Where(t => t.Kind.IsRoutine()).ShouldAllBe(t => t.Due == Beijing(2026, 11, 27, 17, 30).UtcDateTime);

        f.Time.Advance(TimeSpan.FromDays(7));
        (await revisits.GenerateRoutineAsync(Ct)).Created.ShouldBe(3);
    }

    [Fact]
    public async Task Routine_LateInTheWeek_IsDueTheEndOfToday_AndTheUniqueIndexRefusesADuplicate()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 27, 18, 0)); // Friday after hours
        var desk = await RevisitDesk.CreateAsync(f);
        await using (var db = f.NewDb())
        {
            db.Customers.Add(new ServicePortal.Domain.Customers.Customer { Name = "周大福", Phone = "13900002222", IsKeyCustomer = true });
            await db.SaveChangesAsync(Ct);
        }

        await desk.Revisits.GenerateRoutineAsync(Ct);

        var task = (await desk.Revisits.OpenAsync(ct: Ct)).Single();
        task.Due.ShouldBe(Beijing(2026, 11, 30, 17, 30).UtcDateTime); // the next working day's end: Monday
        await using (var db = f.NewDb())
        {
            var existing = await db.RevisitTasks.AsNoTracking().SingleAsync(Ct);
            db.RevisitTasks.Add(new RevisitTask(existing.Kind, "", existing.PeriodKey, existing.CustomerId, existing.CustomerName, "", "", existing.Due, existing.CreatedAt));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
    }
}
