using AngleSharp.Dom;
using Bunit;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Components;

/// <summary>The Admin's /admin/policies page: the deadline table and the approval thresholds, checked as they are typed.</summary>
public sealed class SettingsPoliciesPageTests : PortalComponentTest
{
    private async Task<IRenderedComponent<DeadlinePolicies>> OpenAsync()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<DeadlinePolicies>();
        page.WaitForAssertion(() => page.FindAll("[data-testid^=policy-]").Count.ShouldBe(6));
        page.WaitForAssertion(() => page.Find("[data-testid=handler-limit]"));
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
    public async Task ThePage_ShowsTheRegulationDefaults()
    {
        var page = await OpenAsync();

        Value("days-Normal-domestic-reply").ShouldBe("");
        Value("days-Major-domestic-reply").ShouldBe("3");
        Value("days-Major-domestic-report").ShouldBe("3");
        Value("days-Urgent-foreign-reply").ShouldBe("3");
        Value("days-Normal-domestic-close").ShouldBe("15");
        Value("days-Normal-foreign-close").ShouldBe("20");
        page.Find("[data-testid=policy-Urgent-domestic]").TextContent.ShouldContain("工作日");
        page.Find("[data-testid=policy-Major-domestic]").TextContent.ShouldNotContain("工作日");
        page.Find("[data-testid=policy-Major-foreign]").TextContent.ShouldContain("境外");
        page.Find("[data-testid=deadlines-note]").TextContent.ShouldContain("此后受理的投诉");
        Value("handler-limit").ShouldBe("500");
        Value("head-limit").ShouldBe("5000");
        var rules = page.Find("[data-testid=approval-rules]").TextContent;
        rules.ShouldContain("合计 ≤ ¥500：经办人决定");
        rules.ShouldContain("¥500 < 合计 ≤ ¥5,000：部门经理审批");
        rules.ShouldContain("合计 > ¥5,000：部门经理审批后，再由总经理审批");
    }

    [Fact]
    public async Task InvalidLimits_ShowChineseMessages_AndSaveNothing()
    {
        var page = await OpenAsync();

        Type(page.Find("[data-testid=days-Normal-domestic-close]"), "");
        Type(page.Find("[data-testid=days-Major-foreign-reply]"), "400");
        Type(page.Find("[data-testid=head-limit]"), "300");
        await page.Find("[data-testid=deadlines-save]").ClickAsync(new());
        await page.Find("[data-testid=approvals-save]").ClickAsync(new());

        page.WaitForAssertion(() => ErrorOf("days-Normal-domestic-close").ShouldBe("请填写结案期限"));
        ErrorOf("days-Major-foreign-reply").ShouldBe("重大（境外）答复期限应为 0 至 365 天，或留空表示不设");
        ErrorOf("head-limit").ShouldBe("部门经理权限金额必须大于经办人权限金额");
        page.FindAll("[data-testid=approval-rules]").ShouldBeEmpty();
        SnackbarMessages().ShouldContain("请按提示修改后再保存");
        var saved = await Domain.Get<DeadlineService>().PoliciesAsync(Ct);
        saved.Single(p => p.Severity == ComplaintSeverity.Normal && !p.ForeignCustomer).CloseDays.ShouldBe(15);
        saved.Single(p => p.Severity == ComplaintSeverity.Major && p.ForeignCustomer).ReplyDays.ShouldBe(3);
        (await Domain.Get<ApprovalPolicyService>().GetAsync(Ct)).ShouldBe(new ApprovalLimits(500m, 5000m));
    }

    [Fact]
    public async Task ValidChanges_AreSaved()
    {
        var page = await OpenAsync();

        Type(page.Find("[data-testid=days-Normal-domestic-reply]"), "2");
        Type(page.Find("[data-testid=handler-limit]"), "1000");
        Type(page.Find("[data-testid=head-limit]"), "8000");
        await page.Find("[data-testid=deadlines-save]").ClickAsync(new());
        await page.Find("[data-testid=approvals-save]").ClickAsync(new());

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("核决权限已保存"));
        SnackbarMessages().ShouldContain("处理时限已保存，此后受理的投诉按新时限计算");
        (await Domain.Get<DeadlineService>().PoliciesAsync(Ct)).Single(p => p.Severity == ComplaintSeverity.Normal && !p.ForeignCustomer).ReplyDays.ShouldBe(2);
        (await Domain.Get<ApprovalPolicyService>().GetAsync(Ct)).ShouldBe(new ApprovalLimits(1000m, 8000m));
        page.Find("[data-testid=approval-rules]").TextContent.ShouldContain("¥1,000 < 合计 ≤ ¥8,000");
    }
}
