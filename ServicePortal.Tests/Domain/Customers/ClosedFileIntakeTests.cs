using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.Customers.CustomerFilesTesting;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>A merged or destroyed file takes no new case: picked by id it is refused with a Chinese reason; typed by name and phone a merged file's cases go to the file it was merged into.</summary>
public class ClosedFileIntakeTests
{
    private static async Task<(int Source, int Target)> MergedAsync(DomainFixture f)
    {
        var source = await f.FullFileAsync("沈阳安泰消防", "024-23456789");
        var target = await f.Get<CustomerFiles>().CreateAsync(Input("沈阳安泰消防设备有限公司", "024-23450000"), await f.IdOf("exec"), force: true, ct: Ct);
        await f.Get<CustomerFiles>().MergeAsync(source, target, null, await f.IdOf("director"), Ct);
        return (source, target);
    }

    [Fact]
    public async Task AComplaintForAMergedFileById_IsRefused_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (source, target) = await MergedAsync(f);

        var error = await Should.ThrowAsync<InputInvalidException>(() => f.RegisterAsync(new ComplaintInputBuilder().WithCustomerId(source).Build()));

        error.Errors["customerId"].ShouldBe([$"该客户档案已合并到客户 {target}，请选择合并后的客户"]);
        await using var db = f.NewDb();
        (await db.Complaints.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task AComplaintTypedWithAMergedFilesNameAndPhone_GoesToTheFileItWasMergedInto()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (source, target) = await MergedAsync(f);
        await using var before = f.NewDb();
        var customers = await before.Customers.CountAsync(Ct);

        await f.RegisterAsync(new ComplaintInputBuilder().WithCustomer("沈阳安泰消防", "024-23456789").Build());

        await using var db = f.NewDb();
        (await db.Complaints.SingleAsync(Ct)).CustomerId.ShouldBe(target);
        (await db.Customers.CountAsync(Ct)).ShouldBe(customers);
    }
}
