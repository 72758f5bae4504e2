using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The customer list: each search and filter, the confidentiality rule on filters and columns, inactive files, paging.</summary>
public class CustomerDirectoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The store the tests run on (PostgresCustomerDirectoryTests: PostgreSQL).</summary>
    protected virtual PortalDatabase Database => DomainFixture.DefaultDatabase;

    private async Task<(DomainFixture Fixture, Dictionary<string, int> Ids)> SeedAsync()
    {
        var fixture = await DomainFixture.CreateAsync(accounts: false, database: Database);
        await using var db = fixture.NewDb();
        Customer C(string name, string phone, string area = "华东", bool key = false, CreditClass? credit = null, string industry = "",
            CustomerKind kind = CustomerKind.Organisation) =>
            new() { Name = name, Phone = phone, ServiceArea = area, IsKeyCustomer = key, CreditClass = credit, Industry = industry, Kind = kind };
        var hx = C("华信精密机械有限公司", "13812345678", key: true, credit: CreditClass.A, industry: "制造业");
        hx.Contacts.Add(new CustomerContact { Name = "王建国", Role = "总经理" });
        hx.Products.Add(new CustomerProduct { Model = "KT-200", SerialNumber = "SN2024A001" });
        var dl = C("东来物流", "02188886666", area: "华南", credit: CreditClass.C, industry: "物流");
        dl.Contacts.Add(new CustomerContact { Name = "李四" });
        var zs = C("张三", "13900005678", area: "华南", kind: CustomerKind.Person);
        var merged = C("华信精密机械（旧）", "13812345670");
        var destroyed = C("华信精密机械销毁", "13812345671");
        db.Customers.AddRange(hx, dl, zs, merged, destroyed);
        await db.SaveChangesAsync(Ct);
        merged.MergedIntoId = hx.Id;
        destroyed.DestroyedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(Ct);
        return (fixture, new() { ["华信"] = hx.Id, ["东来"] = dl.Id, ["张三"] = zs.Id });
    }

    private static async Task<string[]> NamesAsync(DomainFixture f, CustomerQuery q, string role = Roles.Executive) =>
        [.. (await f.Get<CustomerDirectory>().SearchAsync(q, role, Ct)).Result.Items.Select(i => i.Name).Order()];

    [Theory]
    [InlineData("精密机", "华信精密机械有限公司")]   // 3+ characters: the trigram index
    [InlineData("东来", "东来物流")]                 // shorter: a scan of the names
    [InlineData("1381234", "华信精密机械有限公司")]   // phone prefix
    [InlineData("5678", "华信精密机械有限公司,张三")] // last 4 digits
    [InlineData("sn2024", "华信精密机械有限公司")]   // serial prefix, any case
    [InlineData("021", "东来物流")]
    public async Task Search_FindsByNameFragmentPhoneAndSerial_ActiveOnly(string q, string expected)
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        (await NamesAsync(f, new CustomerQuery { Search = q })).ShouldBe(expected.Split(',').Order().ToArray());
    }

    [Fact]
    public async Task RenamingACustomer_KeepsTheNameIndexInStep()
    {
        var (f, ids) = await SeedAsync();
        await using var _f = f;
        await using (var db = f.NewDb())
        {
            var c = await db.Customers.FindAsync([ids["东来"]], Ct);
            c!.Name = "东来国际快运";
            await db.SaveChangesAsync(Ct);
        }
        (await NamesAsync(f, new CustomerQuery { Search = "国际快" })).ShouldBe(["东来国际快运"]);
        (await NamesAsync(f, new CustomerQuery { Search = "来物流" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Filters_AreaKeyCreditIndustryKindAndContact()
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        (await NamesAsync(f, new CustomerQuery { Area = "华南" })).ShouldBe(["东来物流", "张三"]);
        (await NamesAsync(f, new CustomerQuery { Key = true })).ShouldBe(["华信精密机械有限公司"]);
        (await NamesAsync(f, new CustomerQuery { Credit = CreditClass.C })).ShouldBe(["东来物流"]);
        (await NamesAsync(f, new CustomerQuery { Industry = "制造业" })).ShouldBe(["华信精密机械有限公司"]);
        (await NamesAsync(f, new CustomerQuery { Kind = CustomerKind.Person })).ShouldBe(["张三"]);
        (await NamesAsync(f, new CustomerQuery { Contact = "王建" })).ShouldBe(["华信精密机械有限公司"]);
        (await NamesAsync(f, new CustomerQuery { Area = "华南", Search = "5678" })).ShouldBe(["张三"]);
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Staff)]
    public async Task TheDesk_SeesNoClassifiedColumn(string role)
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        var page = await f.Get<CustomerDirectory>().SearchAsync(new CustomerQuery { Key = true }, role, Ct);
        page.ShowsBasic.ShouldBeFalse();
        var row = page.Result.Items.ShouldHaveSingleItem();
        row.Phone.ShouldBe("13812345678");
        row.CreditClass.ShouldBeNull();
        row.Industry.ShouldBeNull();
    }

    [Fact]
    public async Task ADepartmentHead_SeesCreditAndIndustry_ButMayNotSearchContacts()
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        var page = await f.Get<CustomerDirectory>().SearchAsync(new CustomerQuery { Credit = CreditClass.A }, Roles.DepartmentHead, Ct);
        page.ShowsBasic.ShouldBeTrue();
        page.Result.Items.ShouldHaveSingleItem().Industry.ShouldBe("制造业");

        var refused = await Should.ThrowAsync<NotPermittedException>(() =>
            f.Get<CustomerDirectory>().SearchAsync(new CustomerQuery { Contact = "王" }, Roles.DepartmentHead, Ct));
        refused.Message.ShouldContain("联系人");
    }

    [Theory]
    [InlineData("credit")]
    [InlineData("industry")]
    [InlineData("contact")]
    public async Task TheDesk_MayNotFilterByAClassifiedField(string field)
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        var q = field switch
        {
            "credit" => new CustomerQuery { Credit = CreditClass.A },
            "industry" => new CustomerQuery { Industry = "制造业" },
            _ => new CustomerQuery { Contact = "王" },
        };
        var refused = await Should.ThrowAsync<NotPermittedException>(() => f.Get<CustomerDirectory>().SearchAsync(q, Roles.Clerk, Ct));
        refused.Message.ShouldContain("无权");
    }

    [Fact]
    public async Task Paging_CountsAllAndClampsAPageBeyondTheEnd_NewestFirstByDefault()
    {
        var (f, ids) = await SeedAsync();
        await using var _f = f;
        var dir = f.Get<CustomerDirectory>();
        var first = await dir.SearchAsync(new CustomerQuery { PageSize = 2 }, Roles.Clerk, Ct);
        first.Result.TotalCount.ShouldBe(3);
        first.Result.Items.Select(i => i.Id).ShouldBe([ids["张三"], ids["东来"]]);
        var beyond = await dir.SearchAsync(new CustomerQuery { PageSize = 2, Page = 9 }, Roles.Clerk, Ct);
        beyond.Result.Page.ShouldBe(1);
        beyond.Result.Items.ShouldHaveSingleItem().Id.ShouldBe(ids["华信"]);
        var byName = await dir.SearchAsync(new CustomerQuery { Sort = CustomerSort.Name, Descending = false }, Roles.Clerk, Ct);
        byName.Result.Items.Select(i => i.Name).ShouldBe(["东来物流", "华信精密机械有限公司", "张三"], ignoreOrder: false);
    }

    [Fact]
    public void TheQueryString_RoundTrips()
    {
        var q = new CustomerQuery { Search = "华信", Area = "华东", Key = true, Credit = CreditClass.B, Kind = CustomerKind.Person };
        CustomerQueryString.FromUri(CustomerQueryString.ListUrl(q)).ShouldBe(q);
        var errors = new Dictionary<string, string[]>();
        CustomerQueryString.Read(n => n == "credit" ? "E" : null, errors);
        errors["credit"][0].ShouldContain("信用等级");
    }
}
