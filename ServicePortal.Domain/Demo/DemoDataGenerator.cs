using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Demo;

/// <summary>What to generate. The defaults are the demo data of a new database.</summary>
public sealed record DemoDataOptions
{
    /// <summary>Same seed and same clock, same data.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>How many complaints in total; null for the demo volume of about 80–120 a month.</summary>
    public int? Complaints { get; init; }

    /// <summary>How many years up to now the complaints cover.</summary>
    public int Years { get; init; } = 2;

    /// <summary>How many repair orders in total over the same months; null for the demo volume of about 100–140 a month.</summary>
    public int? Repairs { get; init; }

    /// <summary>How many questionnaires over the last twelve months; null for 30–50 a month (the demo).</summary>
    public int? Surveys { get; init; }

    /// <summary>How many customers; null for <see cref="DefaultCustomers"/>.</summary>
    public int? Customers { get; init; }

    /// <summary>
    /// 300 for the demo database; for a volume run one customer per five complaints or orders (whichever are more),
    /// at least 300: 200,000 customers for a million complaints, as a department of that size serves.
    /// </summary>
    public static int DefaultCustomers(int? complaints, int? repairs) =>
        complaints is null && repairs is null ? 300 : Math.Max(300, Math.Max(complaints ?? 0, repairs ?? 0) / 5);
}

public sealed record DemoDataResult(int Accounts, int Customers, int Complaints, int HistoryEntries)
{
    public int Repairs { get; init; }
    public int RepairHistoryEntries { get; init; }
    public int RevisitTasks { get; init; }
    public int Surveys { get; init; }
}

/// <summary>
/// Seeded demo data: the same accounts, customers and complaints every time (for a given clock).
/// Accounts go through <see cref="UserManager{TUser}"/>; customers and complaints are written with raw
/// ADO.NET (<see cref="DemoDataWriter"/>), which also fills a million complaints in a few minutes for
/// benchmarks (`dotnet run --project ServicePortal -- generate`).
/// </summary>
public sealed class DemoDataGenerator(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> users,
    PortalClock clock,
    CalendarService calendar,
    DeadlineService deadlines,
    ReferenceListCache lists)
{
    public const string DemoPassword = "Portal#2026";

    /// <summary>The demo data of a new database: accounts, about 300 customers, two years of complaints and repair orders.</summary>
    public Task SeedAsync(CancellationToken ct = default) => SeedAsync(new DemoDataOptions(), null, ct);

    /// <summary>
    /// Creates the demo accounts (those missing), the fee schedule (when there is none), then
    /// customers, repair orders and complaints (some of the 维修质量 ones about a repair order). The
    /// database must hold no complaints and no repair orders yet: numbers are given month by month from serial 1.
    /// </summary>
    /// <param name="progress">called with the number of cases (orders, then complaints) written so far, after each month.</param>
    public async Task<DemoDataResult> SeedAsync(DemoDataOptions options, Action<int>? progress, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Years, 1);
        using var notAudited = Audit.AuditActor.Use(Audit.AuditActor.DemoData); // generated demo data is nobody's change
        var nowLocal = clock.LocalNow;
        var today = nowLocal.Date;
        var startLocal = nowLocal.AddYears(-options.Years);

        Dictionary<string, int> departments, categories;
        string connectionString;
        bool sqlite;
        IModel model;
        ApprovalPolicy approvals;
        RepairSettings repairSettings;
        IReadOnlyList<FeeItem> fees;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Complaints.AnyAsync(ct))
                throw new InvalidOperationException("数据库中已有投诉，演示数据只能写入没有投诉的数据库");
            if (await db.RepairOrders.AnyAsync(ct))
                throw new InvalidOperationException("数据库中已有维修单，演示数据只能写入没有维修单的数据库");
            fees = await FeeScheduleAsync(db, DateOnly.FromDateTime(startLocal).AddMonths(-1), DateOnly.FromDateTime(today), ct);
            repairSettings = await db.RepairSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new RepairSettings();
            departments = await db.Departments.ToDictionaryAsync(d => d.Name, d => d.Id, ct);
            categories = await db.ComplaintCategories.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
            connectionString = db.Database.GetConnectionString()!;
            sqlite = db.IsSqliteStore();
            model = db.Model;
            approvals = await ApprovalPolicyService.PolicyAsync(db, ct);
        }

        var people = DemoPeople.Create();
        await EnsureAccountsAsync(people, departments, clock.ToUtc(startLocal));
        var staff = new DemoStaff(people);

        var random = new DemoRandom(options.Seed);
        await using var writer = await DemoDataWriter.OpenAsync(connectionString, sqlite, model, ct);

        var customerCount = options.Customers ?? DemoDataOptions.DefaultCustomers(options.Complaints, options.Repairs);
        var firstCustomerId = await writer.NextIdAsync(typeof(Customers.Customer), ct);
        var customers = new List<DemoCustomer>(customerCount);
        for (var i = 0; i < customerCount; i++)
            customers.Add(DemoCustomers.Create(random, firstCustomerId + i, clock.ToUtc(today.AddYears(-options.Years).AddDays(-random.Between(1, 720)).AddMinutes(random.Between(480, 1080)))));
        DemoCustomerFiles.FillVolume(new DemoRandom(options.Seed + 9), customers, clock);
        writer.WriteCustomers(customers.Select(c => c.Customer));

        var workingCalendar = await calendar.CurrentAsync(ct);
        var cases = 0;

        // Repair orders first: some complaints are about them (their ids are given here, in order).
        var repairPlan = options.Repairs is { } repairs
            ? DemoMonths.VolumePlan(repairs, startLocal, nowLocal)
            : DemoMonths.DemoPlan(new DemoRandom(options.Seed + 2), startLocal, nowLocal, 100, 140);
        var firstRepairId = await writer.NextIdAsync(typeof(RepairOrder), ct);
        var repairFactory = new DemoRepairFactory(new DemoRandom(options.Seed + 3), staff, customers, clock, workingCalendar, repairSettings,
            fees, nowLocal, firstRepairId, new DemoRevisits(new DemoRandom(options.Seed + 5), staff.Clerks, clock, nowLocal));
        var repairSerials = new List<(int Month, int Last)>();
        writer.PrepareRepairs();
        await PipelineAsync(repairPlan, month => writer.Rows(repairFactory.Month(month)), (month, rows) =>
        {
            writer.WriteRepairs(rows);
            repairSerials.Add((month.Key, rows.Orders.Count));
            progress?.Invoke(cases += rows.Orders.Count);
        }, ct);

        var plan = options.Complaints is { } total
            ? DemoMonths.VolumePlan(total, startLocal, nowLocal)
            : DemoMonths.DemoPlan(random, startLocal, nowLocal);
        // Deadlines as registration computes them: the policy rows and the working calendar of this database.
        var policies = new DemoDeadlines(await deadlines.PoliciesAsync(ct), workingCalendar, clock);
        var factory = new DemoComplaintFactory(random, staff, categories, departments, customers, clock, workingCalendar, policies, approvals, nowLocal,
            repairFactory);
        var serials = new List<(int Month, int Last)>();
        writer.PrepareComplaints();
        await PipelineAsync(plan, month => factory.Month(month).ConvertAll(writer.Rows), (month, rows) =>
        {
            writer.WriteComplaints(rows);
            serials.Add((month.Key, rows.Count));
            progress?.Invoke(cases += rows.Count);
        }, ct);
        // The base of the valid-complaint rate: about 70–95 service orders per complaint received (a
        // valid rate around 1 %), customers served about 1 000 per complaint; its own random numbers.
        var bases = new DemoRandom(options.Seed + 1);
        writer.WriteMonthlyBases(plan.Select(m => (m.Key, Math.Max(1, m.Count) * bases.Between(900, 1100), Math.Max(1, m.Count) * bases.Between(70, 95))),
            clock.UtcNow);
        writer.WriteSerials<ComplaintSerial>(serials);
        writer.WriteSerials<RepairSerial>(repairSerials);
        writer.Finish();
        await WriteComplaintRevisitsAsync(writer, new DemoRevisits(new DemoRandom(options.Seed + 6), staff.Clerks, clock, nowLocal), workingCalendar, ct);
        var surveys = await DemoSurveys.WriteAsync(dbFactory, writer, new DemoRandom(options.Seed + 4), staff, customers, clock, nowLocal, options.Surveys, ct);
        await DemoSpotCheck.WriteAsync(dbFactory, new DemoRandom(options.Seed + 7), staff, clock, ct);
        await DemoCustomerFiles.WriteAsync(dbFactory, new DemoRandom(options.Seed + 8), customers, clock, ct);
        await DemoArchive.WriteAsync(dbFactory, new DemoRandom(options.Seed + 9), staff, customers, clock, ct);
        lists.Changed(ReferenceList.Owners); // the demo accounts, and the owners of the demo complaints
        return new DemoDataResult(people.Count, customerCount, writer.Complaints, writer.HistoryEntries)
        {
            Surveys = surveys,
            Repairs = writer.Repairs,
            RepairHistoryEntries = writer.RepairHistoryEntries,
            RevisitTasks = writer.RevisitTasks,
        };
    }

    /// <summary>
    /// Two cores: one generates the next months (and reads their rows) while the other writes them,
    /// in the same order, so the data is the same as one core would make.
    /// </summary>
    /// <summary>
    /// The revisit of every closed complaint (V-1, C-7), as closing creates it — due the configured working
    /// days after the close — worked by the desk to where it stands now; read and written in batches.
    /// </summary>
    private async Task WriteComplaintRevisitsAsync(DemoDataWriter writer, DemoRevisits desk, Calendar.WorkingCalendar calendar, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.RevisitSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new Revisits.RevisitSettings();
        var after = 0;
        while (true)
        {
            var closed = await db.Complaints.AsNoTracking().Where(c => c.ClosedAt != null && c.Id > after).OrderBy(c => c.Id).Take(20_000)
                .Select(c => new { c.Id, c.Number, c.CustomerId, c.Customer.Name, c.Customer.Phone, c.Content, ClosedAt = c.ClosedAt!.Value })
                .ToListAsync(ct);
            if (closed.Count == 0) return;
            var tasks = closed.ConvertAll(c =>
            {
                var task = Revisits.RevisitTasks.AfterComplaint(c.Number, c.CustomerId, c.Name, c.Phone, c.Content, settings, calendar, clock, c.ClosedAt);
                desk.Work(task);
                return task;
            });
            writer.WriteRevisits(tasks);
            after = closed[^1].Id;
        }
    }

    private static async Task PipelineAsync<T>(IEnumerable<DemoMonth> plan, Func<DemoMonth, T> generate, Action<DemoMonth, T> write, CancellationToken ct)
    {
        var months = Channel.CreateBounded<(DemoMonth Month, T Rows)>(2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var generating = Task.Run(async () =>
        {
            try
            {
                foreach (var month in plan.Where(m => m.Count > 0))
                    await months.Writer.WriteAsync((month, generate(month)), stop.Token);
                months.Writer.Complete();
            }
            catch (Exception e)
            {
                months.Writer.Complete(e);
            }
        }, stop.Token);
        try
        {
            await foreach (var (month, rows) in months.Reader.ReadAllAsync(ct)) write(month, rows);
        }
        finally
        {
            await stop.CancelAsync(); // a failed write must not leave the generator waiting for room
            await generating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// The fee schedule (收费标准) quotes are priced from: the one the Admin keeps, or, when there is
    /// none yet, the schedule of <see cref="RepairTexts.FeeSchedule"/> valid from <paramref name="validFrom"/>.
    /// </summary>
    private static async Task<IReadOnlyList<FeeItem>> FeeScheduleAsync(PortalDbContext db, DateOnly validFrom, DateOnly today, CancellationToken ct)
    {
        if (!await db.FeeItems.AnyAsync(ct))
        {
            db.FeeItems.AddRange(RepairTexts.FeeSchedule.Select(i => new FeeItem(i.Name, i.Kind, i.Unit, i.Price, validFrom)));
            await db.SaveChangesAsync(ct);
        }
        return FeeItem.ValidOn(await db.FeeItems.AsNoTracking().ToListAsync(ct), today);
    }

    /// <summary>
    /// Creates the missing accounts with their role. The password is hashed once and the hash shared:
    /// each hash costs ~0.2 s here (PBKDF2), and all demo accounts have the same, published password.
    /// </summary>
    private async Task EnsureAccountsAsync(IReadOnlyList<DemoPerson> people, Dictionary<string, int> departments, DateTime createdAtUtc)
    {
        string? passwordHash = null;
        foreach (var person in people)
        {
            var user = await users.FindByNameAsync(person.UserName);
            if (user is null)
            {
                user = new PortalUser
                {
                    UserName = person.UserName,
                    DisplayName = person.DisplayName,
                    DepartmentId = departments[person.Department],
                    Role = person.Role,
                    EmailConfirmed = true,
                    LockoutEnabled = true,
                    CreatedAt = createdAtUtc,
                };
                user.PasswordHash = passwordHash ??= users.PasswordHasher.HashPassword(user, DemoPassword);
                DatabaseInitializer.Check(await users.CreateAsync(user));
                DatabaseInitializer.Check(await users.AddToRoleAsync(user, person.Role));
            }
            person.Bind(user);
        }
    }
}
