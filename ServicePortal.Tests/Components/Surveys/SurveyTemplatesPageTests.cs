using System.Reflection;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using ServicePortal.Components.Account;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Domain.Surveys;

namespace ServicePortal.Tests.Components.Surveys;

/// <summary>/admin/survey-templates (SPEC S-1): the templates with their items, editing (a new version once answered), retire instead of delete.</summary>
public sealed class SurveyTemplatesPageTests : PortalComponentTest
{
    private async Task<IRenderedComponent<SurveyTemplates>> OpenAsync()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<SurveyTemplates>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-card]").Count.ShouldBeGreaterThan(0));
        return page;
    }

    private static IElement InputOf(IElement e) => e.TagName == "INPUT" ? e : e.QuerySelector("input")!;

    [Fact]
    public void ThePage_IsForTheAdminOnly()
    {
        typeof(SurveyTemplates).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Admin);
        typeof(SurveyTemplates).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()!.Template.ShouldBe("/admin/survey-templates");
    }

    [Fact]
    public async Task TheDefaultTemplate_IsShownWithItsTenItemsAndDepartments()
    {
        var page = await OpenAsync();

        page.Find("[data-testid=template-name]").TextContent.ShouldBe("客户满意度调查表");
        page.FindAll("[data-testid=template-item]").Select(i => i.TextContent.Trim()).ShouldBe([
            "1. 维修服务（维修部）", "2. 维修及时性（维修部）", "3. 前台接待（客服部）", "4. 电话咨询（客服部）", "5. 投诉处理（客服部）",
            "6. 回访服务（客服部）", "7. 工程安装（工程部）", "8. 产品质量（质量管理部）", "9. 保洁绿化", "10. 治安管理"]);
        page.Find("[data-testid=template-delete]").TextContent.Trim().ShouldBe("删除");
    }

    [Fact]
    public async Task EditingAnAnsweredTemplate_SavesANewVersion()
    {
        var t = await SurveyTesting.CreateAsync(Domain);
        await t.EnterAsync(t.Input(5, 4));
        var page = await OpenAsync();
        page.Find("[data-testid=template-delete]").TextContent.Trim().ShouldBe("停用");

        _ = page.Find("[data-testid=template-edit]").ClickAsync(new()); // completes when the dialog closes
        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-info]").TextContent.ShouldContain("保存后成为第 2 版"));
        await Host.Find("[data-testid=template-add-item]").ClickAsync(new());
        InputOf(Host.Find("[data-testid=template-item-10]")).Change("售后培训");
        await Host.Find("[data-testid=dialog-submit]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存“客户满意度调查表”的第 2 版；已录入的问卷保留原版本"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=template-item]").Count.ShouldBe(11));
        var template = (await t.Templates.ListAsync(ct: Ct)).Single();
        template.Versions.Select(v => (v.Number, v.Items.Count, v.Answered)).ShouldBe([(2, 11, 0), (1, 10, 1)]);
    }

    [Fact]
    public async Task ABadTemplate_StaysOpenWithTheMessages()
    {
        var page = await OpenAsync();

        _ = page.Find("[data-testid=add-template]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=template-dialog]"));
        await Host.Find("[data-testid=dialog-submit]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=template-name-field-error]").TextContent.ShouldBe("请填写问卷名称"));
        Host.Find("[data-testid=template-item-0-error]").TextContent.ShouldBe("请填写第 1 项的内容");

        InputOf(Host.Find("[data-testid=template-name-field]")).Change("客户满意度调查表");
        InputOf(Host.Find("[data-testid=template-item-0]")).Change("维修服务");
        await Host.Find("[data-testid=dialog-submit]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=template-name-field-error]").TextContent.ShouldBe("已有名为“客户满意度调查表”的问卷模板"));
        Host.Find("[data-testid=template-dialog]").ShouldNotBeNull();
        (await Domain.Get<SurveyTemplateService>().ListAsync(ct: Ct)).ShouldHaveSingleItem();
    }
}
