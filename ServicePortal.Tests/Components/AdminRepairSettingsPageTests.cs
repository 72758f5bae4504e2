using System.Reflection;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using ServicePortal.Components.Account;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components;

/// <summary>The Admin's /admin/repair-settings page: warranty and fee rule, and the fee schedule with its add, edit and delete dialogs.</summary>
public sealed class AdminRepairSettingsPageTests : PortalComponentTest
{
    private async Task<IRenderedComponent<RepairFeeSettings>> OpenAsync()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<RepairFeeSettings>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=warranty-months], [data-testid=fees-empty], [data-testid^=fee-price-]").Count.ShouldBeGreaterThan(1));
        return page;
    }

    private static void Type(IElement input, string value)
    {
        if (input.HasAttribute("blazor:onchange")) input.Change(value);
        else input.Input(value);
    }

    private static IElement InputOf(IElement e) => e.TagName == "INPUT" ? e : e.QuerySelector("input")!;

    private string? ErrorOf(string testId) => Host.FindAll($"[data-testid={testId}-error]").SingleOrDefault()?.TextContent.Trim();

    private async Task OpenAddDialogAndFillAsync(IRenderedComponent<RepairFeeSettings> page, string name, string price)
    {
        _ = page.Find("[data-testid=fee-add]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=fee-dialog]"));
        Type(InputOf(Host.Find("[data-testid=fee-name]")), name);
        InputOf(Host.Find("[data-testid=fee-kind-Part]")).Click();
        Type(InputOf(Host.Find("[data-testid=fee-unit]")), "个");
        Type(InputOf(Host.Find("[data-testid=fee-price]")), price);
        Type(InputOf(Host.Find("[data-testid=fee-valid-from]")), "2026-12-01");
    }

    [Fact]
    public void ThePage_IsForTheAdminOnly()
    {
        typeof(RepairFeeSettings).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Admin);
        typeof(RepairFeeSettings).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()!.Template.ShouldBe("/admin/repair-settings");
    }

    [Fact]
    public async Task ThePage_ShowsTheSettings_AndTheScheduleByItemThenValidFrom()
    {
        var cycle = await RepairCycle.CreateAsync(Domain);
        var raise = await Domain.Get<FeeScheduleService>().AddAsync((await Domain.UserAsync("admin")).Id, new FeeItemInput("主板", FeeKind.Part, "块", 750m, new DateOnly(2027, 1, 1)), Ct);

        var page = await OpenAsync();

        page.Find("[data-testid=warranty-months]").GetAttribute("value").ShouldBe("12");
        page.FindAll("[data-testid^=fee-price-]").Select(e => e.GetAttribute("data-testid"))
            .ShouldBe([$"fee-price-{cycle.Labour.Id}", $"fee-price-{cycle.Board.Id}", $"fee-price-{raise.Id}", $"fee-price-{cycle.Travel.Id}"]);
        var board = page.Find($"[data-testid=fee-{cycle.Board.Id}]").TextContent;
        board.ShouldContain("配件");
        board.ShouldContain("¥680.00");
        board.ShouldContain("2026-01-01");
        page.Find($"[data-testid=fee-status-{cycle.Board.Id}]").TextContent.ShouldContain("当前价格");
        page.Find($"[data-testid=fee-status-{raise.Id}]").TextContent.ShouldContain("待生效");
        page.Find($"[data-testid=fee-price-{raise.Id}]").TextContent.ShouldBe("¥750.00");
    }

    [Fact]
    public async Task AnEmptySchedule_SaysSo()
    {
        var page = await OpenAsync();

        page.Find("[data-testid=fees-empty]").TextContent.ShouldContain("还没有收费标准");
    }

    [Fact]
    public async Task AddingALine_SavesIt_AndShowsItInTheTable()
    {
        var page = await OpenAsync();

        await OpenAddDialogAndFillAsync(page, "探测器底座", "45.5");
        await Host.Find("[data-testid=dialog-submit]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已新增“探测器底座”"));
        var saved = (await Domain.Get<FeeScheduleService>().ListAsync(Ct)).ShouldHaveSingleItem();
        (saved.Name, saved.Kind, saved.Unit, saved.Price, saved.ValidFrom).ShouldBe(("探测器底座", FeeKind.Part, "个", 45.5m, new DateOnly(2026, 12, 1)));
        page.WaitForAssertion(() => page.Find($"[data-testid=fee-price-{saved.Id}]").TextContent.ShouldBe("¥45.50"));
        Host.FindAll("[data-testid=fee-dialog]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ANegativePrice_ShowsTheChineseMessage_KeepsTheDialogOpen_AndSavesNothing()
    {
        var page = await OpenAsync();

        await OpenAddDialogAndFillAsync(page, "探测器底座", "-3");
        await Host.Find("[data-testid=dialog-submit]").ClickAsync(new());

        Host.WaitForAssertion(() => ErrorOf("fee-price").ShouldBe("单价不能为负数"));
        Host.Find("[data-testid=fee-dialog]");
        InputOf(Host.Find("[data-testid=fee-name]")).GetAttribute("value").ShouldBe("探测器底座");
        SnackbarMessages().ShouldContain("请按提示修改后再保存");
        (await Domain.Get<FeeScheduleService>().ListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EditingAnUnusedLine_OpensItsValues_AndSavesTheCorrection()
    {
        var cycle = await RepairCycle.CreateAsync(Domain);
        var page = await OpenAsync();

        _ = page.Find($"[data-testid=fee-edit-{cycle.Labour.Id}]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=fee-dialog]"));
        Host.Find(".mud-dialog").TextContent.ShouldContain("修改收费项目");
        InputOf(Host.Find("[data-testid=fee-name]")).GetAttribute("value").ShouldBe("上门维修人工");
        Type(InputOf(Host.Find("[data-testid=fee-price]")), "160");
        await Host.Find("[data-testid=dialog-submit]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存“上门维修人工”"));
        (await Domain.Get<FeeScheduleService>().GetAsync(cycle.Labour.Id, Ct))!.Price.ShouldBe(160m);
        page.WaitForAssertion(() => page.Find($"[data-testid=fee-price-{cycle.Labour.Id}]").TextContent.ShouldBe("¥160.00"));
    }

    [Fact]
    public async Task DeletingAnUnusedLine_AsksFirst_ThenDeletesIt()
    {
        var cycle = await RepairCycle.CreateAsync(Domain);
        var page = await OpenAsync();

        _ = page.Find($"[data-testid=fee-delete-{cycle.Travel.Id}]").ClickAsync(new());

        Host.WaitForAssertion(() => Host.Markup.ShouldContain("已被报价引用的一行不会删除，而是改为停用"));
        (await Domain.Get<FeeScheduleService>().GetAsync(cycle.Travel.Id, Ct)).ShouldNotBeNull();
        await Host.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "删除").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已删除“外地差旅”2026-01-01 起的价格"));
        (await Domain.Get<FeeScheduleService>().GetAsync(cycle.Travel.Id, Ct)).ShouldBeNull();
        page.WaitForAssertion(() => page.FindAll($"[data-testid=fee-{cycle.Travel.Id}]").ShouldBeEmpty());
    }

    [Fact]
    public async Task DeletingALineAQuoteUsed_WithdrawsIt_AndSaysSo()
    {
        var cycle = await RepairCycle.CreateAsync(Domain);
        var number = (await cycle.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2024, 1, 1)))).Number;
        await cycle.WalkToAsync(number, RepairStage.QuotePending);
        var page = await OpenAsync();
        page.Find($"[data-testid=fee-edit-{cycle.Board.Id}]").HasAttribute("disabled").ShouldBeTrue();

        _ = page.Find($"[data-testid=fee-delete-{cycle.Board.Id}]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Markup.ShouldContain("确定删除“主板”2026-01-01 起的价格吗？"));
        await Host.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "删除").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("“主板”2026-01-01 起的价格已被报价引用，已改为停用"));
        (await Domain.Get<FeeScheduleService>().GetAsync(cycle.Board.Id, Ct))!.Active.ShouldBeFalse();
        page.WaitForAssertion(() => page.Find($"[data-testid=fee-status-{cycle.Board.Id}]").TextContent.ShouldContain("停用"));
    }

    [Fact]
    public async Task Warranty_SavesAValidPeriod_AndRefusesZeroInChinese()
    {
        var page = await OpenAsync();

        Type(page.Find("[data-testid=warranty-months]"), "0");
        await page.Find("[data-testid=warranty-save]").ClickAsync(new());
        page.WaitForAssertion(() => ErrorOf("warranty-months").ShouldBe("保修期应为 1 至 120 个月"));
        (await Domain.Get<RepairService>().SettingsAsync(Ct)).WarrantyMonths.ShouldBe(12);

        Type(page.Find("[data-testid=warranty-months]"), "24");
        InputOf(page.Find("[data-testid=collect-first]")).Change(false);
        await page.Find("[data-testid=warranty-save]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("保修与收费设置已保存"));
        var saved = await Domain.Get<RepairService>().SettingsAsync(Ct);
        (saved.WarrantyMonths, saved.CollectFeeBeforeRepair).ShouldBe((24, false));
    }
}
