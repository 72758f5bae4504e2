using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Seven registered complaints to search in; each test names the ones it expects by their key.</summary>
public class SearchDataset : IAsyncLifetime
{
    public DomainFixture Fixture { get; private set; } = null!;

    /// <summary>The store the dataset is built in (PostgresSearchDataset: PostgreSQL).</summary>
    protected virtual PortalDatabase Database => DomainFixture.DefaultDatabase;

    /// <summary>Complaint number by key (A … G), in the order registered.</summary>
    public Dictionary<string, string> Numbers { get; } = [];

    public async ValueTask InitializeAsync()
    {
        if (Database == PortalDatabase.PostgreSQL && PostgresCluster.Unavailable is not null) return; // each test then skips itself
        Fixture = await DomainFixture.CreateAsync(database: Database);
        var cases = new (string Key, string Name, string Phone, string Content, string Request, ComplaintSeverity Severity)[]
        {
            ("A", "王建国", "13812345678", "新买的家用空调用了不到一个月就不制冷，维修人员态度很差。", "更换新机", ComplaintSeverity.Normal),
            ("B", "李娜", "13900001111", "楼上卫生间漏水严重，天花板已经发霉。", "尽快上门维修", ComplaintSeverity.Major),
            ("C", "Ivan Petrov", "13700002222", "The AirCon makes a loud noise at night，噪音很大。", "Replace the unit", ComplaintSeverity.Normal),
            ("D", "上海汇通精密模具有限公司", "021-23207040", "中央空调安装后水平度不够，运行时噪音大。", "按合同扣减工程款 79600 元", ComplaintSeverity.Normal),
            ("E", "张伟", "13812340000", "客服电话一直打不通，态度敷衍。", "给出书面解释", ComplaintSeverity.Normal),
            ("F", "赵敏", "15000003333", "热水器漏水，水严重渗到楼下，王师傅上门后地板被泡坏。", "赔偿地板损失", ComplaintSeverity.Urgent),
            ("G", "王芳", "18600004444", "收费不透明。", "退还多收费用", ComplaintSeverity.Normal),
        };
        var minute = 0;
        foreach (var c in cases)
        {
            var input = new ComplaintInputBuilder().WithCustomer(c.Name, c.Phone).WithContent(c.Content)
                .With(i => i.CustomerRequest = c.Request).WithSeverity(c.Severity)
                .ReceivedAt(DomainFixture.DefaultNow.AddMinutes(-60 + minute++)).Build();
            Numbers[c.Key] = (await Fixture.RegisterAsync(input)).Number;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Fixture is not null) await Fixture.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public async Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query) =>
        await Fixture.Get<ComplaintService>().SearchAsync(query, TestContext.Current.CancellationToken);

    /// <summary>The keys of the complaints found, newest first (the register's default order).</summary>
    public async Task<string[]> FindAsync(string search, ComplaintQuery? query = null)
    {
        var result = await SearchAsync((query ?? new ComplaintQuery()) with { Search = search, PageSize = 50 });
        result.TotalCount.ShouldBe(result.Items.Count);
        return result.Items.Select(i => Numbers.Single(n => n.Value == i.Number).Key).ToArray();
    }
}

/// <summary>Search finds complaints whose content or customer request contains the text.</summary>
public class ComplaintSearchContentTests(SearchDataset data) : IClassFixture<SearchDataset>
{
    [Theory]
    [InlineData("空调", new[] { "D", "A" })]        // at the start of a word and after 中央
    [InlineData("调用", new[] { "A" })]             // across two words: 空调|用了
    [InlineData("漏水", new[] { "F", "B" })]
    [InlineData("态度", new[] { "E", "A" })]
    [InlineData("发霉", new[] { "B" })]             // at the end of a sentence
    public async Task TwoChineseCharacters_FindEveryComplaintContainingThem(string search, string[] expected) =>
        (await data.FindAsync(search)).ShouldBe(expected);

    [Theory]
    [InlineData("漏水严重", new[] { "B" })]         // F has 漏水, 水严 and 严重, but not 漏水严重
    [InlineData("不制冷", new[] { "A" })]
    [InlineData("水平度不够", new[] { "D" })]
    [InlineData("卫生间漏水", new[] { "B" })]
    [InlineData("漏水发霉", new string[0])]         // both words occur in B, but not together
    public async Task ThreeOrMoreChineseCharacters_FindTheExactSubstring(string search, string[] expected) =>
        (await data.FindAsync(search)).ShouldBe(expected);

    [Theory]
    [InlineData("霉", new[] { "B" })]              // the last character of a sentence
    [InlineData("漏", new[] { "F", "B" })]
    [InlineData("王", new[] { "G", "F", "A" })]     // F by its content (王师傅), A and G by the customer's name
    public async Task OneChineseCharacter_IsFoundAnywhere(string search, string[] expected) =>
        (await data.FindAsync(search)).ShouldBe(expected);

    [Theory]
    [InlineData("aircon")]
    [InlineData("AIRCON")]
    [InlineData("Air")]                           // the beginning of a word
    [InlineData("ＡｉｒＣｏｎ")]                    // full-width, as some input methods type it
    public async Task LatinWords_IgnoreCase(string search) =>
        (await data.FindAsync(search)).ShouldBe(["C"]);

    [Theory]
    [InlineData("扣减", new[] { "D" })]
    [InlineData("书面", new[] { "E" })]
    [InlineData("replace", new[] { "C" })]
    public async Task TheCustomerRequest_IsSearchedToo(string search, string[] expected) =>
        (await data.FindAsync(search)).ShouldBe(expected);

    [Fact]
    public async Task SeveralWords_MustAllOccur() =>
        (await data.FindAsync("空调 噪音")).ShouldBe(["D"]);

    [Fact]
    public async Task PunctuationOnly_IsSearchedInTheTexts() =>
        (await data.FindAsync("，")).ShouldBe(["F", "E", "D", "C", "B", "A"]);

    [Theory]
    [InlineData("冰箱")]
    [InlineData("漏水严重发霉")]
    [InlineData("xyz")]
    public async Task TextNowhere_FindsNothing(string search)
    {
        var result = await data.SearchAsync(new ComplaintQuery { Search = search });
        result.TotalCount.ShouldBe(0);
        result.Items.ShouldBeEmpty();
    }
}

/// <summary>Search by the customer's name or phone, and by complaint number.</summary>
public class ComplaintSearchCustomerAndNumberTests(SearchDataset data) : IClassFixture<SearchDataset>
{
    [Theory]
    [InlineData("汇通", new[] { "D" })]
    [InlineData("建国", new[] { "A" })]
    [InlineData("petrov", new[] { "C" })]
    [InlineData("van Pet", new[] { "C" })]        // inside a Latin name, across the space
    public async Task CustomerName_Contains(string search, string[] expected) =>
        (await data.FindAsync(search)).ShouldBe(expected);

    [Theory]
    [InlineData("138", new[] { "E", "A" })]
    [InlineData("1381234", new[] { "E", "A" })]
    [InlineData("13812345678", new[] { "A" })]
    [InlineData("021-2320", new[] { "D" })]
    [InlineData("0212320", new string[0])]
    [InlineData("2345678", new string[0])]        // the middle of a phone number is not its beginning
    public async Task Phone_StartsWith(string search, string[] expected) =>
        (await data.FindAsync(search)).ShouldBe(expected);

    [Fact]
    public async Task Number_FindsExactlyThatComplaint_InAnyCase()
    {
        (await data.FindAsync(data.Numbers["C"])).ShouldBe(["C"]);
        (await data.FindAsync(data.Numbers["C"].ToLowerInvariant())).ShouldBe(["C"]);
    }

    [Fact]
    public async Task NumberBeginning_FindsTheComplaintsOfThatMonth()
    {
        var month = data.Numbers["A"][..6]; // TS2611
        (await data.FindAsync(month)).ShouldBe(["G", "F", "E", "D", "C", "B", "A"]);
        (await data.FindAsync("TS2610")).ShouldBeEmpty();
    }
}

/// <summary>Search combines with the register's filters, sorting and paging.</summary>
public class ComplaintSearchFilterTests(SearchDataset data) : IClassFixture<SearchDataset>
{
    [Fact]
    public async Task Search_WithAFilter_KeepsOnlyRowsMatchingBoth() =>
        (await data.FindAsync("漏水", new ComplaintQuery { Severity = ComplaintSeverity.Urgent })).ShouldBe(["F"]);

    [Fact]
    public async Task Search_WithAFilterNoHitMatches_FindsNothing() =>
        (await data.FindAsync("空调", new ComplaintQuery { Severity = ComplaintSeverity.Urgent })).ShouldBeEmpty();

    [Fact]
    public async Task Search_IsPaged_WithTheTotalOfAllPages()
    {
        var first = await data.SearchAsync(new ComplaintQuery { Search = "王", PageSize = 2, Page = 0 });
        var second = await data.SearchAsync(new ComplaintQuery { Search = "王", PageSize = 2, Page = 1 });

        first.TotalCount.ShouldBe(3);
        second.TotalCount.ShouldBe(3);
        first.Items.Select(i => i.Number).ShouldBe([data.Numbers["G"], data.Numbers["F"]]);
        second.Items.Select(i => i.Number).ShouldBe([data.Numbers["A"]]);
    }

    [Theory]
    [InlineData(ComplaintSort.Customer, false, new[] { "A", "G", "F" })]    // 王建国, 王芳, 赵敏 (by code point)
    [InlineData(ComplaintSort.Number, false, new[] { "A", "F", "G" })]
    [InlineData(ComplaintSort.ReceivedAt, false, new[] { "A", "F", "G" })]
    public async Task Search_IsSorted(ComplaintSort sort, bool descending, string[] expected) =>
        (await data.FindAsync("王", new ComplaintQuery { Sort = sort, Descending = descending })).ShouldBe(expected);
}
