using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Forms;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Least privilege (issue 12, <see cref="ReadScope"/>): Staff read their own cases and their department's;
/// every other role reads all. staff works in 维修部 (A), the clerk and the head in 客服部 (B).
/// </summary>
public class ReadScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<CaseActor> ActorAsync(DomainFixture f, string userName) => f.ActorAsync(userName);

    /// <summary>
    /// Four complaints: A's (the clerk's, assigned to 维修部), staff's own assigned to 客服部, one of 客服部,
    /// and one not yet assigned.
    /// </summary>
    private static async Task<(string InA, string OwnInB, string OtherInB, string Unassigned)> ComplaintsAsync(ComplaintCycle k)
    {
        var inA = await k.NewCaseAtAsync(ComplaintStatus.Assigned);
        var ownInB = (await k.F.RegisterAsync(new ComplaintInputBuilder().Build(), "staff")).Number;
        var otherInB = await k.RegisterAsync();
        foreach (var n in new[] { ownInB, otherInB })
        {
            await k.Flow.JudgeAsync(n, k.Id("head"), null, true, "确有其事", "", Ct);
            await k.Flow.AssignAsync(n, k.Id("head"), null, k.ServiceDepartmentId, null, Ct);
        }
        var unassigned = await k.RegisterAsync();
        return (inA, ownInB, otherInB, unassigned);
    }

    [Fact]
    public async Task Staff_SeeTheirDepartmentsComplaintsAndTheirOwn_NotOtherDepartments()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var (inA, ownInB, otherInB, unassigned) = await ComplaintsAsync(k);
        var complaints = f.Get<ComplaintService>();
        var staff = await ActorAsync(f, "staff");
        var clerk = await ActorAsync(f, "clerk");

        var seen = await complaints.SearchAsync(new ComplaintQuery { PageSize = 50 }, staff, Ct);
        seen.Items.Select(i => i.Number).ShouldBe([inA, ownInB], ignoreOrder: true);
        seen.TotalCount.ShouldBe(2);
        // A filter narrows within the scope, never widens it; the number search does not leak either.
        (await complaints.SearchAsync(new ComplaintQuery { Search = otherInB }, staff, Ct)).TotalCount.ShouldBe(0);
        (await complaints.SearchAsync(new ComplaintQuery { Search = "收费" }, staff, Ct)).Items.Select(i => i.Number)
            .ShouldBeSubsetOf([inA, ownInB]);
        (await complaints.SearchAsync(new ComplaintQuery { DepartmentId = k.ServiceDepartmentId }, staff, Ct)).Items
            .Select(i => i.Number).ShouldBe([ownInB]);
        // The walking plan (many rows) keeps the scope too.
        (await complaints.SearchAsync(new ComplaintQuery { PageSize = 50 }, ReadScope.Of(staff), 0, Ct)).Items
            .Select(i => i.Number).ShouldBe([inA, ownInB], ignoreOrder: true);

        var all = await complaints.SearchAsync(new ComplaintQuery { PageSize = 50 }, clerk, Ct);
        all.Items.Select(i => i.Number).ShouldBe([inA, ownInB, otherInB, unassigned], ignoreOrder: true);
    }

    [Fact]
    public async Task AnotherDepartmentsComplaint_IsNotFoundForStaff_LikeAnUnknownNumber()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var (inA, ownInB, otherInB, unassigned) = await ComplaintsAsync(k);
        var complaints = f.Get<ComplaintService>();
        var staff = await ActorAsync(f, "staff");

        (await complaints.GetAsync(otherInB, staff, Ct)).ShouldBeNull();
        (await complaints.GetAsync(unassigned, staff, Ct)).ShouldBeNull();
        (await complaints.GetAsync(inA, staff, Ct)).ShouldNotBeNull().Number.ShouldBe(inA);
        (await complaints.GetAsync(ownInB, staff, Ct)).ShouldNotBeNull();
        (await complaints.GetAsync(otherInB, await ActorAsync(f, "clerk"), Ct)).ShouldNotBeNull();
        (await complaints.GetAsync(otherInB, await ActorAsync(f, "exec"), Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task AnotherDepartmentsComplaint_HasNoSlipForStaff_AndItsStepsAreNotFound()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var (inA, _, otherInB, _) = await ComplaintsAsync(k);
        var slips = f.Get<SlipService>();
        var staff = await ActorAsync(f, "staff");

        (await slips.LoadAsync(otherInB, staff, Ct)).ShouldBeNull();
        (await slips.LoadAsync(inA, staff, Ct)).ShouldNotBeNull().Number.ShouldBe(inA);
        (await slips.LoadAsync(otherInB, await ActorAsync(f, "clerk"), Ct)).ShouldNotBeNull();
        // A step on it answers like an unknown number too (not "only the responsible department may …", which tells it exists).
        var refused = await Should.ThrowAsync<NotFoundException>(() =>
            k.Flow.InvestigateAsync(otherInB, staff.Id, null, "原因", CauseType.Quality, "维修部", "措施", Ct));
        refused.Message.ShouldBe($"投诉 {otherInB} 不存在");
        (await f.Get<ComplaintService>().GetAsync(otherInB, Ct))!.Status.ShouldBe(ComplaintStatus.Assigned);
    }

    [Fact]
    public async Task ComplaintExport_HasTheRowsTheReaderMayRead()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var (inA, ownInB, _, _) = await ComplaintsAsync(k);
        var complaints = f.Get<ComplaintService>();

        var rows = new List<string>();
        await foreach (var r in complaints.ExportRowsAsync(new ComplaintQuery(), await ActorAsync(f, "staff"), Ct)) rows.Add(r.Row.Number);
        rows.ShouldBe([inA, ownInB], ignoreOrder: true);

        using var sheet = new MemoryStream();
        (await f.Get<ComplaintRegisterExport>().WriteAsync(new ComplaintQuery(), await ActorAsync(f, "staff"), sheet, Ct)).ShouldBe(2);
        using var all = new MemoryStream();
        (await f.Get<ComplaintRegisterExport>().WriteAsync(new ComplaintQuery(), await ActorAsync(f, "director"), all, Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task Staff_SeeRepairOrdersDispatchedToThemOrTheirDepartment_NotOthers()
    {
        await using var f = await DomainFixture.CreateAsync();
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            await init.CreateAccountAsync("colleague", "陈师傅", Roles.Staff, "维修部", TestAccounts.Password);
            await init.CreateAccountAsync("outsider", "周师傅", Roles.Staff, "工程部", TestAccounts.Password);
        }
        var r = await RepairCycle.CreateAsync(f);
        var repairs = f.Get<RepairService>();
        var serial = 2000;
        async Task<string> DispatchedToAsync(string? technician)
        {
            var n = (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = $"SN-{serial++}"))).Number;
            if (technician is not null) await repairs.DispatchAsync(n, r.Id("head"), null, r.Id(technician), Ct);
            return n;
        }
        var mine = await DispatchedToAsync("staff");
        var colleagues = await DispatchedToAsync("colleague");
        var outsiders = await DispatchedToAsync("outsider");
        var undispatched = await DispatchedToAsync(null);
        var staff = await ActorAsync(f, "staff");

        (await repairs.SearchAsync(new RepairQuery { PageSize = 50 }, staff, Ct)).Items.Select(i => i.Number)
            .ShouldBe([mine, colleagues], ignoreOrder: true);
        (await repairs.SearchAsync(new RepairQuery { PageSize = 50 }, ReadScope.Of(staff), 0, Ct)).Items.Select(i => i.Number)
            .ShouldBe([mine, colleagues], ignoreOrder: true);
        (await repairs.SearchAsync(new RepairQuery { PageSize = 50 }, await ActorAsync(f, "outsider"), Ct)).Items.Select(i => i.Number)
            .ShouldBe([outsiders]);
        (await repairs.SearchAsync(new RepairQuery { PageSize = 50 }, await ActorAsync(f, "clerk"), Ct)).TotalCount.ShouldBe(4);

        (await repairs.GetAsync(outsiders, staff, Ct)).ShouldBeNull();
        (await repairs.GetAsync(undispatched, staff, Ct)).ShouldBeNull();
        (await repairs.GetAsync(colleagues, staff, Ct)).ShouldNotBeNull();
        (await repairs.GetAsync(outsiders, await ActorAsync(f, "clerk"), Ct)).ShouldNotBeNull();

        var rows = new List<string>();
        await foreach (var row in repairs.ExportRowsAsync(new RepairQuery(), staff, Ct)) rows.Add(row.Row.Number);
        rows.ShouldBe([mine, colleagues], ignoreOrder: true);
        using var sheet = new MemoryStream();
        (await f.Get<RepairRegisterExport>().WriteAsync(new RepairQuery(), staff, sheet, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task AnotherDepartmentsRepairOrder_HasNoSlipsForStaff_AndItsStepsAreNotFound()
    {
        await using var f = await DomainFixture.CreateAsync();
        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CreateAccountAsync("outsider", "周师傅", Roles.Staff, "工程部", TestAccounts.Password);
        var r = await RepairCycle.CreateAsync(f);
        var repairs = f.Get<RepairService>();
        var outsiders = (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "SN-3001"))).Number;
        await repairs.DispatchAsync(outsiders, r.Id("head"), null, r.Id("outsider"), Ct);
        var slips = f.Get<SlipService>();
        var staff = await ActorAsync(f, "staff");

        (await slips.LoadRepairAsync(outsiders, staff, Ct)).ShouldBeNull();
        (await slips.LoadRepairAsync(outsiders, await ActorAsync(f, "outsider"), Ct)).ShouldNotBeNull();
        (await slips.LoadRepairAsync(outsiders, await ActorAsync(f, "head"), Ct)).ShouldNotBeNull();
        var refused = await Should.ThrowAsync<NotFoundException>(() =>
            repairs.BookAsync(outsiders, staff.Id, null, f.Time.GetUtcNow().AddDays(1), "", Ct));
        refused.Message.ShouldBe($"维修单 {outsiders} 不存在");
        (await repairs.GetAsync(outsiders, null, Ct))!.Stage.ShouldBe(RepairStage.Dispatched);
    }
}
