using AngleSharp.Dom;
using Bunit;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Components;

/// <summary>The Admin's /admin/kpi-bases page: the base kind and the monthly service orders and active customers.</summary>
public sealed class AdminKpiBasesPageTests : PortalComponentTest
{
    private async Task<IRenderedComponent<KpiBases>> OpenAsync()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<KpiBases>();
        page.WaitForAssertion(() => page.FindAll("[data-testid^=base-2026-]").Count.ShouldBe(12));
        return page;
    }

    private static void Type(IElement input, string value)
    {
        if (input.HasAttribute("blazor:onchange")) input.Change(value);
        else input.Input(value);
    }

    private string Value(string testId) => Host.Find($"[data-testid={testId}]").GetAttribute("value") ?? "";

    private string? ErrorOf(string testId) => Host.FindAll($"[data-testid={testId}-error]").SingleOrDefault()?.TextContent.Trim();

    [Fact]
    public async Task ThePage_ShowsTheTwelveMonthsOfTheYear_WithTheSavedBases()
    {
        await Domain.Get<KpiService>().SaveBaseAsync((await Domain.UserAsync("admin")).Id, new KpiBaseInput(202603, 150, 420), Ct);

        var page = await OpenAsync();

        page.FindAll("[data-testid^=base-2026-]").Select(r => r.GetAttribute("data-testid")).First().ShouldBe("base-2026-01");
        Value("orders-2026-03").ShouldBe("420");
        Value("customers-2026-03").ShouldBe("150");
        Value("orders-2026-04").ShouldBe("");
        page.Find("[data-testid=base-2026-03]").TextContent.ShouldContain("管理员");
    }

    [Fact]
    public async Task SavingARow_StoresItsBases()
    {
        var page = await OpenAsync();

        Type(page.Find("[data-testid=orders-2026-10]"), "380");
        Type(page.Find("[data-testid=customers-2026-10]"), "120");
        await page.Find("[data-testid=save-2026-10]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("2026-10 的基数已保存"));
        var saved = (await Domain.Get<KpiService>().BasesAsync(202610, 202610, Ct)).ShouldHaveSingleItem();
        (saved.ServiceOrders, saved.ActiveCustomers).ShouldBe((380, 120));
    }

    [Fact]
    public async Task SaveAll_StoresEveryChangedMonth()
    {
        var page = await OpenAsync();

        foreach (var month in new[] { "01", "02" })
        {
            Type(page.Find($"[data-testid=orders-2026-{month}]"), "10");
            Type(page.Find($"[data-testid=customers-2026-{month}]"), "5");
        }
        await page.Find("[data-testid=kpi-bases-save-all]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存 2 个月的基数"));
        (await Domain.Get<KpiService>().BasesAsync(202601, 202612, Ct)).Select(b => b.Month).ShouldBe([202601, 202602]);
    }

    [Fact]
    public async Task ANegativeValue_ShowsAChineseMessage_AndSavesNothing()
    {
        var page = await OpenAsync();

        Type(page.Find("[data-testid=orders-2026-05]"), "-3");
        Type(page.Find("[data-testid=customers-2026-05]"), "40");
        Type(page.Find("[data-testid=orders-2026-06]"), "7");
        Type(page.Find("[data-testid=customers-2026-06]"), "8");
        await page.Find("[data-testid=kpi-bases-save-all]").ClickAsync(new());

        page.WaitForAssertion(() => ErrorOf("orders-2026-05").ShouldBe("不能为负数"));
        ErrorOf("customers-2026-05").ShouldBeNull();
        SnackbarMessages().ShouldContain("请按提示修改后再保存");
        (await Domain.Get<KpiService>().BasesAsync(202601, 202612, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChoosingTheBaseKind_SavesIt()
    {
        var page = await OpenAsync();

        var radio = page.Find("[data-testid=kind-ActiveCustomers]");
        var input = radio.TagName == "INPUT" ? radio : radio.QuerySelector("input")!;
        if (input.HasAttribute("blazor:onclick")) await input.ClickAsync(new());
        else await input.ChangeAsync(new() { Value = "on" });

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("有效投诉率的基数已改为：活跃客户数（期间各月最大值）"));
        (await Domain.Get<KpiService>().ValidRateBaseAsync(Ct)).ShouldBe(ValidRateBase.ActiveCustomers);
    }
}
