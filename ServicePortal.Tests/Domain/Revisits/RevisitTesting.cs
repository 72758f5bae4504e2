using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The revisit tests' desk: the fixture's accounts plus a second clerk (陈静, "clerk2"), tasks put
/// straight on the pile (a customer and a task, as the creating steps make them), and the service.
/// </summary>
public sealed class RevisitDesk
{
    private readonly Dictionary<string, string> _ids;

    private RevisitDesk(DomainFixture f, Dictionary<string, string> ids) { F = f; _ids = ids; }

    public DomainFixture F { get; }
    public RevisitTasks Revisits => F.Get<RevisitTasks>();
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RevisitDesk> CreateAsync(DomainFixture f)
    {
        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CreateAccountAsync("clerk2", "陈静", Roles.Clerk, "客服部", TestAccounts.Password);
        await using var db = f.NewDb();
        return new RevisitDesk(f, await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, Ct));
    }

    public string Id(string userName) => _ids[userName];

    public DateTime Now => F.Time.GetUtcNow().UtcDateTime;

    /// <summary>An open after-repair task on the pile, created now, due <paramref name="due"/> (default: in a day).</summary>
    public async Task<int> AddTaskAsync(DateTimeOffset? due = null, string number = "WX2611001", string customer = "王建国")
    {
        await using var db = F.NewDb();
        var c = new Customer { Name = customer, Phone = "13812345678", CreatedAt = Now };
        db.Customers.Add(c);
        await db.SaveChangesAsync(Ct);
        var task = new RevisitTask(RevisitKind.AfterRepair, number, number, c.Id, c.Name, c.Phone, "维修回访", (due ?? F.Time.GetUtcNow().AddDays(1)).UtcDateTime, Now);
        db.RevisitTasks.Add(task);
        await db.SaveChangesAsync(Ct);
        return task.Id;
    }

    public async Task<RevisitTaskDetail> DetailAsync(int id) => (await Revisits.DetailAsync(id, Ct))!;

    /// <summary>The field errors a step is refused with (it must be refused with <see cref="InputInvalidException"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(Func<Task> step) =>
        (await Should.ThrowAsync<InputInvalidException>(step)).Errors;

    /// <summary>A complete, valid record: phone, 王建国, ten minutes ago, one question answered, satisfaction 5.</summary>
    public RevisitRecordInput Record(Action<RevisitRecordInput>? change = null)
    {
        var r = new RevisitRecordInput
        {
            Method = RevisitMethod.Phone,
            Respondent = "王建国",
            CalledAt = F.Time.GetUtcNow().AddMinutes(-10),
            Answers = [new("故障是否已经排除、设备运行是否正常？", "已正常")],
            Opinions = "维修及时",
            Suggestions = "希望上门前再电话确认",
            Satisfaction = 5,
        };
        change?.Invoke(r);
        return r;
    }
}
