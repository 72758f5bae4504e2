using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>Destruction of a customer file (A-4; seed 001 2.8.9): the approval order, refusals, and the erasure itself.</summary>
public class CustomerDestructionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Values that must not survive the erasure anywhere in the database file.
    private const string Name = "欧阳测试客户甲";
    private const string Phone = "13912340001";
    private const string Address = "秘密路九十九号";
    private const string ContactName = "司徒秘密";
    private const string ContactPhone = "13700001111";
    private const string Notes = "业务备注机密ABCXYZ";
    private const string Contract = "绝密框架合同甲乙丙";
    private const string RepairContact = "诸葛维修联系人";
    private const string RepairPhone = "13600002222";
    private const string RepairAddress = "维修地址保密街五号";

    private sealed record Setup(DomainFixture F, ArchiveDesk Desk, CustomerDestruction Service, int CustomerId, string RepairNumber, string ComplaintNumber);

    private static async Task<Setup> SetupAsync(DomainFixture f)
    {
        var desk = await ArchiveDesk.CreateAsync(f);
        var id = await desk.AddCustomerAsync(Name, createdAt: desk.Now.AddYears(-3), change: c =>
        {
            c.Phone = Phone;
            c.Address = Address;
            c.Industry = "消防设备";
            c.BusinessNotes = Notes;
            c.CreditClass = CreditClass.B;
            c.Contacts.Add(new CustomerContact { Name = ContactName, Phone = ContactPhone, Email = "situ@secret.example", Role = "总经理" });
            c.Cooperation.Add(new CooperationRecord { Kind = CooperationKind.Contract, On = new DateOnly(2024, 1, 1), Title = Contract, Amount = 120000m });
            c.Products.Add(new CustomerProduct { Model = "JB-QB-5000", SerialNumber = "SN-DESTROY-1" });
        });
        var cycle = await RepairCycle.CreateAsync(f);
        var repair = await cycle.RegisterAsync(RepairCycle.Request(r =>
        {
            r.CustomerId = id; r.CustomerName = Name; r.CustomerPhone = Phone;
            r.ContactName = RepairContact; r.ContactPhone = RepairPhone; r.Address = RepairAddress;
        }));
        var complaint = await f.Get<ComplaintService>().RegisterAsync(
            new ComplaintInputBuilder().WithCustomerId(id).WithCustomer(Name, Phone).Build(), desk.Id("clerk"), Ct);
        await using (var db = f.NewDb())
        {
            db.RevisitTasks.Add(new RevisitTask(RevisitKind.AfterRepair, repair.Number, repair.Number, id, Name, Phone, "维修回访", desk.Now.AddDays(1), desk.Now));
            await db.SaveChangesAsync(Ct);
        }
        return new Setup(f, desk, f.Get<CustomerDestruction>(), id, repair.Number, complaint.Number);
    }

    private static async Task<DestructionRequestItem> ApproveAllAsync(Setup s)
    {
        var r = await s.Service.ProposeAsync(s.CustomerId, "十年无业务往来，资料已过时", s.Desk.Id("clerk"), Ct);
        await s.Service.ApproveAsync(r.Id, s.Desk.Id("director"), ct: Ct);
        await s.Service.ApproveAsync(r.Id, s.Desk.Id("head"), ct: Ct);
        return await s.Service.ApproveAsync(r.Id, s.Desk.Id("exec"), ct: Ct);
    }

    [Fact]
    public async Task Approvals_GoDirectorThenHeadThenExecutive_OutOfOrderIsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);
        var r = await s.Service.ProposeAsync(s.CustomerId, "资料过时", s.Desk.Id("clerk"), Ct);
        r.NextApproverRole.ShouldBe("Director");

        (await Should.ThrowAsync<NotPermittedException>(() => s.Service.ApproveAsync(r.Id, s.Desk.Id("exec"), ct: Ct))).Message.ShouldContain("客服中心主任");
        await Should.ThrowAsync<NotPermittedException>(() => s.Service.ApproveAsync(r.Id, s.Desk.Id("head"), ct: Ct));
        r = await s.Service.ApproveAsync(r.Id, s.Desk.Id("director"), ct: Ct);
        r.NextApproverRole.ShouldBe("DepartmentHead");
        await Should.ThrowAsync<NotPermittedException>(() => s.Service.ApproveAsync(r.Id, s.Desk.Id("exec"), ct: Ct));
        r = await s.Service.ApproveAsync(r.Id, s.Desk.Id("head"), ct: Ct);
        r.NextApproverRole.ShouldBe("Executive");
        r.Status.ShouldBe(DestructionStatus.Pending);
        await using (var db = f.NewDb())
            (await db.Customers.SingleAsync(c => c.Id == s.CustomerId, Ct)).DestroyedAt.ShouldBeNull();

        r = await s.Service.ApproveAsync(r.Id, s.Desk.Id("exec"), ct: Ct);
        r.Status.ShouldBe(DestructionStatus.Destroyed);
        (r.DirectorName, r.HeadName, r.ExecutiveName).ShouldBe(("赵主任", "李经理", "王总"));
    }

    [Fact]
    public async Task ARefusal_StopsIt_AndNothingIsErased()
    {
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);
        var r = await s.Service.ProposeAsync(s.CustomerId, "资料过时", s.Desk.Id("clerk"), Ct);
        await s.Service.ApproveAsync(r.Id, s.Desk.Id("director"), ct: Ct);

        (await Should.ThrowAsync<InputInvalidException>(() => s.Service.RefuseAsync(r.Id, " ", s.Desk.Id("head"), ct: Ct))).Errors["note"].ShouldNotBeEmpty();
        r = await s.Service.RefuseAsync(r.Id, "该客户仍有在保设备", s.Desk.Id("head"), ct: Ct);

        r.Status.ShouldBe(DestructionStatus.Refused);
        r.RefusalNote.ShouldBe("该客户仍有在保设备");
        (await Should.ThrowAsync<DomainException>(() => s.Service.ApproveAsync(r.Id, s.Desk.Id("exec"), ct: Ct))).Message.ShouldContain("已被拒绝");
        await using var db = f.NewDb();
        var c = await db.Customers.Include(x => x.Contacts).SingleAsync(x => x.Id == s.CustomerId, Ct);
        (c.Name, c.DestroyedAt, c.Contacts.Count).ShouldBe((Name, (DateTime?)null, 1));
        // a new proposal may follow a refused one
        (await s.Service.ProposeAsync(s.CustomerId, "再次申请", s.Desk.Id("clerk"), Ct)).Status.ShouldBe(DestructionStatus.Pending);
    }

    [Fact]
    public async Task NobodyApprovesTheirOwnProposal_AndOnlyTheKeepersTeamProposes_OncePending()
    {
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);
        await Should.ThrowAsync<NotPermittedException>(() => s.Service.ProposeAsync(s.CustomerId, "理由", s.Desk.Id("staff"), Ct));
        await Should.ThrowAsync<NotPermittedException>(() => s.Service.ProposeAsync(s.CustomerId, "理由", s.Desk.Id("head"), Ct));
        (await Should.ThrowAsync<InputInvalidException>(() => s.Service.ProposeAsync(s.CustomerId, "", s.Desk.Id("director"), Ct))).Errors["reason"].ShouldNotBeEmpty();

        var r = await s.Service.ProposeAsync(s.CustomerId, "资料过时", s.Desk.Id("director"), Ct);
        (await Should.ThrowAsync<DomainException>(() => s.Service.ProposeAsync(s.CustomerId, "又一次", s.Desk.Id("clerk"), Ct))).Message.ShouldContain("待审批");

        (await Should.ThrowAsync<NotPermittedException>(() => s.Service.ApproveAsync(r.Id, s.Desk.Id("director"), ct: Ct))).Message.ShouldContain("自己");
        (await s.Service.ListAsync(ct: Ct)).Items.Single().Approvals().ShouldBe(0);
    }

    [Fact]
    public async Task AStaleVersion_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);
        var r = await s.Service.ProposeAsync(s.CustomerId, "资料过时", s.Desk.Id("clerk"), Ct);
        await s.Service.ApproveAsync(r.Id, s.Desk.Id("director"), r.Version, Ct);

        await Should.ThrowAsync<ConcurrencyConflictException>(() => s.Service.RefuseAsync(r.Id, "不同意", s.Desk.Id("head"), r.Version, Ct));
    }

    [Fact]
    public async Task TheLastApproval_ErasesTheClassifiedContent_KeepsProductsAndTheRecord()
    {
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);

        var done = await ApproveAllAsync(s);

        await using var db = f.NewDb();
        var c = await db.Customers.Include(x => x.Contacts).Include(x => x.Cooperation).Include(x => x.Products).SingleAsync(x => x.Id == s.CustomerId, Ct);
        c.Name.ShouldBe($"已销毁客户 #{s.CustomerId}");
        (c.Phone, c.Address, c.Industry, c.BusinessNotes, c.CreditClass).ShouldBe(("", "", "", "", (CreditClass?)null));
        c.DestroyedAt.ShouldBe(s.Desk.Now);
        c.Contacts.ShouldBeEmpty();
        c.Cooperation.ShouldBeEmpty();
        c.Products.Single().SerialNumber.ShouldBe("SN-DESTROY-1");
        done.CustomerName.ShouldBe(c.Name);
        done.Erased.ShouldContain("联系人 1 条");
        done.Erased.ShouldNotContain(ContactName);
        (await db.CustomerHistory.Where(h => h.CustomerId == s.CustomerId).Select(h => h.Action).ToListAsync(Ct)).ShouldContain(CustomerDestruction.DestroyedAction);
    }

    [Fact]
    public async Task TheCases_KeepAnAnonymisedReference()
    {
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);

        await ApproveAllAsync(s);

        await using var db = f.NewDb();
        var anon = $"已销毁客户 #{s.CustomerId}";
        var complaint = await db.Complaints.Include(x => x.Customer).SingleAsync(x => x.Number == s.ComplaintNumber, Ct);
        complaint.Customer.Name.ShouldBe(anon);
        var repair = await db.RepairOrders.Include(x => x.Customer).SingleAsync(x => x.Number == s.RepairNumber, Ct);
        (repair.Customer.Name, repair.ContactName, repair.ContactPhone, repair.Address).ShouldBe((anon, "", "", ""));
        repair.ProductModel.ShouldBe("JB-QB-5000");
        var task = await db.RevisitTasks.SingleAsync(x => x.CustomerId == s.CustomerId, Ct);
        (task.CustomerName, task.CustomerPhone).ShouldBe((anon, ""));
    }

    [Fact]
    public async Task AfterErasure_TheValuesAreGoneFromTheDatabaseFile()
    {
        DomainFixture.SkipOnPostgreSQL("reads the SQLite database file and its WAL");
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);
        var before = await ReadDatabaseBytesAsync(f);
        IndexOf(before, ContactName).ShouldBeGreaterThanOrEqualTo(0); // the search itself works

        await ApproveAllAsync(s);

        var after = await ReadDatabaseBytesAsync(f);
        foreach (var value in new[] { Name, Phone, Address, ContactName, ContactPhone, Notes, Contract, RepairContact, RepairPhone, RepairAddress })
            IndexOf(after, value).ShouldBe(-1, $"“{value}” is still in the database file");
    }

    [Fact]
    public async Task AFailingErasure_ChangesNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var s = await SetupAsync(f);
        var r = await s.Service.ProposeAsync(s.CustomerId, "资料过时", s.Desk.Id("clerk"), Ct);
        await s.Service.ApproveAsync(r.Id, s.Desk.Id("director"), ct: Ct);
        await s.Service.ApproveAsync(r.Id, s.Desk.Id("head"), ct: Ct);
        await f.RefuseUpdatesAsync("RevisitTasks", null, "disk trouble");

        await Should.ThrowAsync<Exception>(() => s.Service.ApproveAsync(r.Id, s.Desk.Id("exec"), ct: Ct));

        await using var check = f.NewDb();
        var c = await check.Customers.Include(x => x.Contacts).Include(x => x.Cooperation).SingleAsync(x => x.Id == s.CustomerId, Ct);
        (c.Name, c.Phone, c.DestroyedAt, c.Contacts.Count, c.Cooperation.Count).ShouldBe((Name, Phone, (DateTime?)null, 1, 1));
        var request = await check.DestructionRequests.SingleAsync(x => x.Id == r.Id, Ct);
        (request.Approvals, request.Status, request.ExecutiveName).ShouldBe((2, DestructionStatus.Pending, ""));
        (await check.RepairOrders.SingleAsync(x => x.Number == s.RepairNumber, Ct)).ContactName.ShouldBe(RepairContact);
    }

    private static async Task<byte[]> ReadDatabaseBytesAsync(DomainFixture f)
    {
        var path = new SqliteConnectionStringBuilder(f.ConnectionString).DataSource;
        await using (var conn = new SqliteConnection(f.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync(Ct);
        }
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        return File.Exists(path + "-wal") ? [.. bytes, .. await File.ReadAllBytesAsync(path + "-wal", Ct)] : bytes;
    }

    private static int IndexOf(byte[] haystack, string value) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value));
}

internal static class DestructionItemExtensions
{
    public static int Approvals(this DestructionRequestItem r) =>
        (r.DirectorAt is null ? 0 : 1) + (r.HeadAt is null ? 0 : 1) + (r.ExecutiveAt is null ? 0 : 1);
}
