using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.Customers.CustomerFilesTesting;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>Creating a customer file: field rules in Chinese, duplicate detection and its recorded override.</summary>
public class CustomerFilesCreateTests
{
    [Fact]
    public async Task InvalidFields_AreRefusedWithChineseMessages_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var input = Input() with { Kind = null, Name = " ", Phone = "12345", Basic = new CustomerBasicInput { FoundedOn = new DateOnly(2099, 1, 1) } };

        var clerk = await f.IdOf("clerk");

        var ex = await Should.ThrowAsync<InputInvalidException>(() => f.Get<CustomerFiles>().CreateAsync(input, clerk, ct: Ct));

        ex.Errors["kind"].Single().ShouldBe("请选择客户类型（个人或机构）");
        ex.Errors["name"].Single().ShouldBe("请输入客户名称");
        ex.Errors["phone"].Single().ShouldStartWith("电话号码格式不正确");
        ex.Errors["basic.foundedOn"].Single().ShouldBe("创立时间不能晚于今天");
        await using var db = f.NewDb();
        (await db.Customers.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory]
    [InlineData("另一家公司", " 024-2345 6789 ", "电话相同")]
    [InlineData("沈阳安泰消防设备有限公司", "13800001111", "名称相同")]
    [InlineData("沈阳 安泰消防设备公司", "13800001111", "名称相似")]
    [InlineData("沈阳安泰消防设备", "13800001111", "名称相似")]
    public async Task ASamePhone_OrASameOrSimilarName_IsADuplicate_UntilForced(string name, string phone, string reason)
    {
        await using var f = await DomainFixture.CreateAsync();
        var files = f.Get<CustomerFiles>();
        var clerk = await f.IdOf("clerk");
        var first = await files.CreateAsync(Input(), clerk, ct: Ct);

        var ex = await Should.ThrowAsync<DuplicateCustomerException>(() => files.CreateAsync(Input(name, phone), clerk, ct: Ct));
        ex.Candidates.Single().Id.ShouldBe(first);
        ex.Candidates.Single().Reason.ShouldBe(reason);

        var second = await files.CreateAsync(Input(name, phone), clerk, force: true, ct: Ct);
        await using var db = f.NewDb();
        var history = await db.CustomerHistory.Where(h => h.CustomerId == second).SingleAsync(Ct);
        history.Action.ShouldBe("新建档案");
        history.Note.ShouldContain($"#{first}");
        history.Note.ShouldContain("仍然新建");
        history.ActorName.ShouldBe("张晓梅");
    }

    [Fact]
    public async Task ADifferentNameAndPhone_IsNoDuplicate()
    {
        await using var f = await DomainFixture.CreateAsync();
        var files = f.Get<CustomerFiles>();
        var clerk = await f.IdOf("clerk");
        await files.CreateAsync(Input(), clerk, ct: Ct);

        await files.CreateAsync(Input("大连海港物流有限公司", "0411-88776655"), clerk, ct: Ct);

        (await files.DuplicatesAsync("大连海港物流", "13800001111", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task MergedAndDestroyedFiles_AreNoDuplicates()
    {
        await using var f = await DomainFixture.CreateAsync();
        var files = f.Get<CustomerFiles>();
        var clerk = await f.IdOf("clerk");
        var merged = await files.CreateAsync(Input(), clerk, ct: Ct);
        var destroyed = await files.CreateAsync(Input(), clerk, force: true, ct: Ct);
        var kept = await files.CreateAsync(Input("大连海港物流有限公司", "0411-88776655"), clerk, ct: Ct);
        await using (var db = f.NewDb())
        {
            await db.Customers.Where(c => c.Id == merged).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, kept), Ct);
            await db.Customers.Where(c => c.Id == destroyed).ExecuteUpdateAsync(s => s.SetProperty(c => c.DestroyedAt, DateTime.UtcNow), Ct);
        }

        (await files.DuplicatesAsync("沈阳安泰消防设备有限公司", "024-23456789", Ct)).ShouldBeEmpty();
        await files.CreateAsync(Input(), clerk, ct: Ct); // no DuplicateCustomerException
        (await files.DuplicatesAsync("大连海港物流", "13800001111", Ct)).Single().Id.ShouldBe(kept);
    }

    [Fact]
    public async Task ADuplicate_AfterHundredsOfNamesWithTheSameStart_IsFound()
    {
        await using var f = await DomainFixture.CreateAsync();
        // 250 other files whose names contain the new name's first four characters (沈阳安泰), all older than the duplicate.
        await AddSameStartAsync(f, 250);
        var files = f.Get<CustomerFiles>();
        var clerk = await f.IdOf("clerk");
        var first = await files.CreateAsync(Input(), clerk, ct: Ct);

        var ex = await Should.ThrowAsync<DuplicateCustomerException>(() => files.CreateAsync(Input(phone: "13800001111"), clerk, ct: Ct));

        ex.Candidates.Single().Id.ShouldBe(first);
        ex.Candidates.Single().Reason.ShouldBe("名称相同");
    }

    [Fact]
    public async Task ACommonStart_ReadsOnlyTheFilesThatMayBeDuplicates_AndStillFindsThemWrittenDifferently()
    {
        await using var f = await DomainFixture.CreateAsync();
        // 300 files whose names contain the new name's first four characters (沈阳安泰) and are no duplicates.
        await AddSameStartAsync(f, 300);
        var files = f.Get<CustomerFiles>();
        var clerk = await f.IdOf("clerk");
        var spaced = await files.CreateAsync(Input("沈阳安泰 消防·设备有限公司", "024-23456789"), clerk, ct: Ct);
        var upper = await files.CreateAsync(Input("ACME 沈阳 Tools", "024-23450000"), clerk, ct: Ct);

        (await files.DuplicatesAsync("沈阳安泰消防设备", "13800001111", Ct)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.Id.ShouldBe(spaced), d => d.Reason.ShouldBe("名称相似"));
        (await files.DuplicatesAsync("acme沈阳tools", "13800001111", Ct)).ShouldHaveSingleItem().Id.ShouldBe(upper);
        await using var read = f.NewDb();
        (await CustomerFiles.DuplicateRows(read, "13800001111", CustomerFileValidator.NormalizeName("沈阳安泰消防设备")).CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task TheAdmin_ReadsNoCustomerFiles()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.IdOf("admin");
        await Should.ThrowAsync<NotPermittedException>(() => f.Get<CustomerFiles>().CreateAsync(Input(), admin, ct: Ct));
    }

    /// <summary>Files 沈阳安泰第1仓库 … 沈阳安泰第<paramref name="count"/>仓库, each with its own phone.</summary>
    private static async Task AddSameStartAsync(DomainFixture f, int count)
    {
        await using var db = f.NewDb();
        db.Customers.AddRange(Enumerable.Range(1, count).Select(i => new Customer
        {
            Kind = CustomerKind.Organisation, Name = $"沈阳安泰第{i}仓库", Phone = $"1390000{i:D4}", Address = "", CreatedAt = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync(Ct);
    }
}
