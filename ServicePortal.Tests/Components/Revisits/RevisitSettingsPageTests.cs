using System.Reflection;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using ServicePortal.Components.Layout;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>/admin/revisit-settings (V-3): the Admin and the Director edit quiet periods, attempts, the complaint revisit's working days and the questions.</summary>
public sealed class RevisitSettingsPageTests : PortalComponentTest
{
    private async Task<IRenderedComponent<RevisitSettingsPage>> OpenAsync(string userName = "director")
    {
        await SignInAsync(userName);
        var page = RenderWithProviders<RevisitSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=revisit-settings-save]"));
        return page;
    }

    private static IElement Input(IRenderedComponent<RevisitSettingsPage> page, string testId)
    {
        var e = page.Find($"[data-testid={testId}]");
        return e.TagName is "INPUT" or "TEXTAREA" ? e : e.QuerySelector("input, textarea")!;
    }

    private static void Type(IElement input, string value)
    {
        if (input.HasAttribute("blazor:onchange")) input.Change(value);
        else input.Input(value);
    }

    private string? ErrorOf(string testId) => Host.FindAll($"[data-testid={testId}-error]").SingleOrDefault()?.TextContent.Trim();

    private Task<RevisitSettings> StoredAsync() => Domain.Get<RevisitTasks>().SettingsAsync(Ct);

    [Fact]
    public void ThePage_IsForTheAdminAndTheDirector()
    {
        typeof(RevisitSettingsPage).GetCustomAttribute<AuthorizeAttribute>()!.Roles.ShouldBe($"{Roles.Admin},{Roles.Director}");
        typeof(RevisitSettingsPage).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()!.Template.ShouldBe("/admin/revisit-settings");
    }

    [Fact]
    public async Task ThePage_ShowsTheDefaults()
    {
        var page = await OpenAsync();

        Input(page, "quiet-start-0").GetAttribute("value").ShouldBe("12:00");
        Input(page, "quiet-end-0").GetAttribute("value").ShouldBe("14:00");
        Input(page, "quiet-start-1").GetAttribute("value").ShouldBe("21:00");
        Input(page, "quiet-end-1").GetAttribute("value").ShouldBe("08:00");
        page.FindAll("[data-testid^=quiet-start-]").Count.ShouldBe(2);
        Input(page, "max-attempts").GetAttribute("value").ShouldBe("3");
        Input(page, "complaint-days").GetAttribute("value").ShouldBe("2");
        var repair = Input(page, "questions-AfterRepair");
        (repair.GetAttribute("value") ?? repair.TextContent).Split('\n').ShouldBe(RevisitSettings.DefaultQuestions[RevisitKind.AfterRepair]);
        page.Markup.ShouldContain("每行一个问题");
    }

    [Fact]
    public async Task AChange_IsSaved_AndReadBack()
    {
        var page = await OpenAsync("admin");

        await page.Find("[data-testid=quiet-remove-0]").ClickAsync(new());
        page.WaitForAssertion(() => page.FindAll("[data-testid^=quiet-start-]").Count.ShouldBe(1));
        await page.Find("[data-testid=quiet-add]").ClickAsync(new());
        Type(Input(page, "quiet-start-1"), "12:30");
        Type(Input(page, "quiet-end-1"), "13:30");
        Type(Input(page, "max-attempts"), "5");
        Type(Input(page, "complaint-days"), "3");
        Type(Input(page, "questions-RoutineWarranty"), "设备运行是否正常？\n\n  您对保修服务是否满意？  \n");
        await page.Find("[data-testid=revisit-settings-save]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存"));
        var saved = await StoredAsync();
        saved.QuietPeriods.ShouldBe([new QuietPeriod(new(21, 0), new(8, 0)), new QuietPeriod(new(12, 30), new(13, 30))]);
        (saved.MaxAttempts, saved.ComplaintRevisitWorkingDays).ShouldBe((5, 3));
        saved.QuestionsFor(RevisitKind.RoutineWarranty).ShouldBe(["设备运行是否正常？", "您对保修服务是否满意？"]);
        saved.QuestionsFor(RevisitKind.AfterRepair).ShouldBe(RevisitSettings.DefaultQuestions[RevisitKind.AfterRepair]);
        saved.UpdatedByName.ShouldBe("系统管理员");

        // the page shows what the domain stored, trimmed and without the blank line
        Input(page, "quiet-start-0").GetAttribute("value").ShouldBe("21:00");
        Input(page, "quiet-start-1").GetAttribute("value").ShouldBe("12:30");
        Input(page, "max-attempts").GetAttribute("value").ShouldBe("5");
        Input(page, "complaint-days").GetAttribute("value").ShouldBe("3");
        var warranty = Input(page, "questions-RoutineWarranty");
        (warranty.GetAttribute("value") ?? warranty.TextContent).ShouldBe("设备运行是否正常？\n您对保修服务是否满意？");
    }

    [Fact]
    public async Task ZeroAttempts_AndAnEmptyQuestionList_ShowTheChineseMessages_KeepTheInput_AndSaveNothing()
    {
        var page = await OpenAsync();

        Type(Input(page, "max-attempts"), "0");
        Type(Input(page, "questions-AfterComplaint"), "  \n ");
        Type(Input(page, "complaint-days"), "4");
        await page.Find("[data-testid=revisit-settings-save]").ClickAsync(new());

        page.WaitForAssertion(() => ErrorOf("max-attempts").ShouldBe("最多联系次数应为 1–10 次"));
        ErrorOf("questions-AfterComplaint").ShouldBe($"{RevisitKind.AfterComplaint.Chinese()}至少要有一个回访问题");
        SnackbarMessages().ShouldContain("请按提示修改后再保存");
        SnackbarMessages().ShouldNotContain("已保存");
        Input(page, "max-attempts").GetAttribute("value").ShouldBe("0");
        Input(page, "complaint-days").GetAttribute("value").ShouldBe("4");
        var stored = await StoredAsync();
        (stored.MaxAttempts, stored.ComplaintRevisitWorkingDays, stored.UpdatedAt).ShouldBe((3, 2, (DateTime?)null));
    }

    [Fact]
    public async Task ABadTime_IsRefusedInChinese_BeforeTheDomain()
    {
        var page = await OpenAsync();

        Type(Input(page, "quiet-end-0"), "25:00");
        await page.Find("[data-testid=revisit-settings-save]").ClickAsync(new());

        page.WaitForAssertion(() => ErrorOf("quiet-periods").ShouldBe("时间格式应为 HH:mm，例如 08:30"));
        (await StoredAsync()).UpdatedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Director, true)]
    [InlineData(Roles.DepartmentHead, false)]
    [InlineData(Roles.Clerk, false)]
    [InlineData(Roles.Staff, false)]
    [InlineData(Roles.Executive, false)]
    public void NavMenu_ShowsRevisitSettings_ToTheAdminAndTheDirector(string role, bool shown)
    {
        SignIn("u-" + role, role, role, role, "客服部");

        var menu = RenderWithProviders<NavMenu>();

        var links = menu.FindAll("[data-testid=nav-revisit-settings]");
        links.Count.ShouldBe(shown ? 1 : 0);
        if (shown)
        {
            links[0].GetAttribute("href").ShouldBe("/admin/revisit-settings");
            links[0].TextContent.ShouldContain("回访设置");
        }
    }
}
