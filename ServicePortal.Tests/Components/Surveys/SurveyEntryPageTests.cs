using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Components.Account;
using ServicePortal.Components.Pages.Surveys;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Components.Surveys;

/// <summary>/surveys/new (SPEC S-2): a digit per item stores the score and the page's script moves on; Enter saves and opens the next blank form.</summary>
public sealed class SurveyEntryPageTests : PortalComponentTest
{
    private const string Script = "./Components/Pages/Surveys/NewSurvey.razor.js";
    private BunitJSModuleInterop _module = null!;
    private CustomerSummary _wang = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _module = JSInterop.SetupModule(Script);
        _module.Mode = JSRuntimeMode.Loose;
        await using var db = Domain.NewDb();
        var c = new Customer { Name = "王建国", Phone = "13812345678", CreatedAt = DateTime.UtcNow };
        db.Customers.Add(c);
        await db.SaveChangesAsync(Ct);
        _wang = new CustomerSummary(c.Id, c.Name, c.Phone, "", false);
    }

    private async Task<IRenderedComponent<NewSurvey>> OpenAsync()
    {
        await SignInAsync("clerk");
        var page = RenderWithProviders<NewSurvey>();
        page.WaitForAssertion(() => page.FindAll("[data-score-index]").Count.ShouldBe(10));
        return page;
    }

    private static Task PickAsync(IRenderedComponent<NewSurvey> page, CustomerSummary customer) =>
        page.InvokeAsync(() => page.FindComponent<CustomerLookup>().Instance.OnPick.InvokeAsync(customer));

    private static Task KeyAsync(IRenderedComponent<NewSurvey> page, int index, string key) =>
        page.Find($"[data-testid=score-{index}]").KeyDownAsync(new KeyboardEventArgs { Key = key });

    private static string? Score(IRenderedComponent<NewSurvey> page, int index) => page.Find($"[data-testid=score-{index}]").GetAttribute("data-score");

    private async Task<int> CountAsync()
    {
        await using var db = Domain.NewDb();
        return await db.Surveys.CountAsync(Ct);
    }

    [Fact]
    public void ThePage_IsForTheServiceDesk()
    {
        typeof(NewSurvey).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.SurveyDesk);
        typeof(NewSurvey).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()!.Template.ShouldBe("/surveys/new");
    }

    [Fact]
    public async Task TheForm_OpensOnTheDefaultTemplate_WithTheCustomerBoxFirst_AndAttachesTheKeyboardScript()
    {
        var page = await OpenAsync();

        var first = page.FindAll(".score-item")[0];
        first.TextContent.ShouldContain("维修服务");
        first.QuerySelector(".score-department")!.TextContent.ShouldBe("维修部");
        page.Find("[data-testid=survey-date]").GetAttribute("value").ShouldBe("2026-11-24");
        page.FindComponent<CustomerLookup>().Instance.AutoFocus.ShouldBeTrue();
        page.WaitForAssertion(() => _module.VerifyInvoke("attach"));
        await PickAsync(page, _wang);
        _module.VerifyInvoke("focusFirstScore");
    }

    [Fact]
    public async Task ADigit_StoresTheItemsScore_ZeroLeavesItBlank_OtherKeysAreIgnored()
    {
        var page = await OpenAsync();

        await KeyAsync(page, 0, "4");
        await KeyAsync(page, 1, "7");
        await KeyAsync(page, 1, "a");
        await KeyAsync(page, 2, "5");
        await KeyAsync(page, 2, "0");
        await KeyAsync(page, 3, "1");

        Score(page, 0).ShouldBe("4");
        Score(page, 1).ShouldBe("");
        Score(page, 2).ShouldBe("");
        Score(page, 3).ShouldBe("1");
        page.Find("[data-testid=survey-scored]").TextContent.ShouldBe("已评 2 / 10 项");
        page.Find("[data-testid=score-0] .picked").TextContent.ShouldContain("满意");
    }

    [Fact]
    public async Task Enter_SavesTheQuestionnaire_AndOpensTheNextBlankForm()
    {
        var page = await OpenAsync();
        await PickAsync(page, _wang);
        for (var i = 0; i < 10; i++) await KeyAsync(page, i, (i % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await KeyAsync(page, 9, "Enter");

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存"));
        (await CountAsync()).ShouldBe(1);
        var saved = (await Domain.Get<SurveyService>().ListAsync(new SurveyListQuery(), Ct)).Items.Single();
        (await Domain.Get<SurveyService>().GetAsync(saved.Id, Ct))!.Answers.Select(a => a.Score).ShouldBe([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
        saved.ClerkName.ShouldBe("张晓梅");
        page.WaitForAssertion(() => Score(page, 0).ShouldBe(""));
        page.Find("[data-testid=survey-scored]").TextContent.ShouldBe("已评 0 / 10 项");
        page.Find("[data-testid=survey-count]").TextContent.ShouldBe("本次已录入 1 份");
        page.FindAll("[data-testid=existing-customer]").ShouldBeEmpty();
    }

    [Fact]
    public async Task EnterInTheCommentsOrLinks_SavesToo()
    {
        var page = await OpenAsync();
        await PickAsync(page, _wang);
        await KeyAsync(page, 0, "5");
        page.Find("[data-testid=survey-comments]").Input("很满意");

        await page.Find("[data-survey-after-scores]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存"));
        (await Domain.Get<SurveyService>().ListAsync(new SurveyListQuery(), Ct)).Items.ShouldHaveSingleItem().Scored.ShouldBe(1);
    }

    [Fact]
    public async Task AFormWithoutCustomer_ShowsTheMessages_AndSavesNothing()
    {
        var page = await OpenAsync();

        await KeyAsync(page, 0, "Enter");

        page.WaitForAssertion(() => page.Find("[data-testid=customer-search-error]").TextContent.ShouldStartWith("请选择客户"));
        page.Find("[data-testid=survey-scores-error]").TextContent.ShouldStartWith("请至少为一项评分");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ADuplicate_AsksToConfirm_AndSavesOnlyWhenConfirmed()
    {
        var template = (await Domain.Get<SurveyTemplateService>().ListAsync(ct: Ct)).Single().Current;
        var clerk = await Domain.UserAsync("clerk");
        await Domain.Get<SurveyService>().EnterAsync(new SurveyInput
        {
            CustomerId = _wang.Id, VersionId = template.Id, PaperDate = new DateOnly(2026, 11, 2),
            Scores = [new SurveyScoreInput(template.Items[0].Id, 5)], FormToken = "earlier",
        }, clerk.Id, ct: Ct);
        var page = await OpenAsync();
        await PickAsync(page, _wang);
        await KeyAsync(page, 0, "3");

        _ = KeyAsync(page, 0, "Enter"); // completes when the dialog is answered
        Host.WaitForAssertion(() => Host.Find("[data-testid=duplicate-message]").TextContent.ShouldContain("客户“王建国”在 2026年11月 已有 1 份"));
        await Host.Find("[data-testid=duplicate-cancel]").ClickAsync(new());
        (await CountAsync()).ShouldBe(1);

        _ = KeyAsync(page, 0, "Enter");
        Host.WaitForAssertion(() => Host.Find("[data-testid=duplicate-confirm]"));
        await Host.Find("[data-testid=duplicate-confirm]").ClickAsync(new());
        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存"));
        (await CountAsync()).ShouldBe(2);
    }
}
