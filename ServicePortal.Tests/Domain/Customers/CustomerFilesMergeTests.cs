using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.Customers.CustomerFilesTesting;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>Merging two files: every linked record moves, the source is marked merged, both keep history; all or nothing; Director or Executive only.</summary>
public class CustomerFilesMergeTests
{
    private static async Task<(int Source, int Target)> TwoFilesWithCasesAsync(DomainFixture f)
    {
        var source = await f.FullFileAsync("沈阳安泰消防", "024-23456789");
        var target = await f.Get<CustomerFiles>().CreateAsync(Input("沈阳安泰消防设备有限公司", "024-23450000"), await f.IdOf("exec"), force: true, ct: Ct);
        await f.RegisterAsync(new ComplaintInputBuilder().WithCustomerId(source).Build());
        await f.RegisterAsync(new ComplaintInputBuilder().WithCustomerId(source).Build());
        return (source, target);
    }

    [Fact]
    public async Task Merge_MovesEveryRecord_MarksTheSource_AndWritesHistoryOnBoth()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (source, target) = await TwoFilesWithCasesAsync(f);
        var files = f.Get<CustomerFiles>();
        var director = await f.IdOf("director");

        var preview = await files.MergePreviewAsync(source, target, director, Ct);
        (preview.Complaints, preview.Contacts, preview.Products, preview.Cooperation).ShouldBe((2, 1, 1, 1));
        await files.MergeAsync(source, target, null, director, Ct);

        await using var db = f.NewDb();
        (await db.Complaints.CountAsync(c => c.CustomerId == target, Ct)).ShouldBe(2);
        (await db.Complaints.CountAsync(c => c.CustomerId == source, Ct)).ShouldBe(0);
        (await db.CustomerContacts.CountAsync(c => c.CustomerId == target, Ct)).ShouldBe(1);
        (await db.CustomerProducts.CountAsync(c => c.CustomerId == target, Ct)).ShouldBe(1);
        (await db.CooperationRecords.CountAsync(c => c.CustomerId == target, Ct)).ShouldBe(1);
        (await db.Customers.SingleAsync(c => c.Id == source, Ct)).MergedIntoId.ShouldBe(target);
        (await db.CustomerHistory.SingleAsync(h => h.CustomerId == source && h.Action == "合并到其他档案", Ct)).Note.ShouldContain("投诉 2");
        (await db.CustomerHistory.SingleAsync(h => h.CustomerId == target && h.Action == "合并档案", Ct)).ActorName.ShouldBe("赵主任");
        await Should.ThrowAsync<DomainException>(() => files.UpdateOpenAsync(source, Input("沈阳安泰消防", "024-23456789"), null, director, Ct));
        (await files.CasesAsync(target, CustomerCaseKind.Complaint, director, ct: Ct)).TotalCount.ShouldBe(2);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("staff")]
    [InlineData("head")]
    public async Task OnlyTheDirectorOrTheExecutive_Merge(string user)
    {
        await using var f = await DomainFixture.CreateAsync();
        var (source, target) = await TwoFilesWithCasesAsync(f);
        var id = await f.IdOf(user);

        await Should.ThrowAsync<NotPermittedException>(() => f.Get<CustomerFiles>().MergeAsync(source, target, null, id, Ct));

        await using var db = f.NewDb();
        (await db.Complaints.CountAsync(c => c.CustomerId == source, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task AMergeThatFailsHalfway_MovesNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (source, target) = await TwoFilesWithCasesAsync(f);
        // The last records a merge moves refuse to move: everything before must roll back.
        await f.RefuseUpdatesAsync("CooperationRecords", "CustomerId", "refused");

        var exec = await f.IdOf("exec");
        await Should.ThrowAsync<Exception>(() => f.Get<CustomerFiles>().MergeAsync(source, target, null, exec, Ct));

        await using var db = f.NewDb();
        (await db.Complaints.CountAsync(c => c.CustomerId == source, Ct)).ShouldBe(2);
        (await db.CustomerContacts.CountAsync(c => c.CustomerId == source, Ct)).ShouldBe(1);
        (await db.Customers.SingleAsync(c => c.Id == source, Ct)).MergedIntoId.ShouldBeNull();
    }
}
