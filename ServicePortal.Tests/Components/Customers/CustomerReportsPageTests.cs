using AngleSharp.Dom;
using Bunit;
using ServicePortal.Components.Pages.Customers.Archive;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>客户信息报告: the monthly reports with overdue ones in red, submit only for the Director or the department's head, a content required in Chinese.</summary>
public sealed class CustomerReportsPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<CustomerReportsPage> Open()
    {
        var page = RenderWithProviders<CustomerReportsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=report-state], [data-testid=reports-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static IElement InputOf(IElement e) => e.TagName is "INPUT" or "TEXTAREA" ? e : e.QuerySelector("input, textarea")!;

    private IElement RowOf(IRenderedComponent<CustomerReportsPage> page, string department) =>
        page.FindAll("[data-testid=customer-reports] tbody tr").Single(r => r.TextContent.Contains(department));

    [Fact]
    public async Task WithoutReports_ThePageSaysSo()
    {
        await SignInAsync("director");

        var page = Open();

        page.Find("[data-testid=reports-empty]").TextContent.ShouldBe("暂无客户信息报告");
    }

    [Theory]
    [InlineData("head", false)] // 客服部 — the 客户回访中心 itself, which does not report
    [InlineData("exec", false)]
    [InlineData("clerk", false)]
    [InlineData("director", true)]
    public async Task OverdueReports_AreRed_AndOnlyTheDirectorOrTheDepartmentsHeadMaySubmit(string user, bool submits)
    {
        await Domain.Get<CustomerInfoReports>().GenerateAsync(Ct); // November 2026: due 11-02, today 11-24
        await SignInAsync(user);

        var page = Open();

        var row = RowOf(page, "维修部");
        row.QuerySelector("[data-testid=report-state]")!.TextContent.ShouldBe("已逾期");
        row.GetAttribute("style")!.ShouldContain("palette-error");
        page.FindAll("[data-testid=report-state]").Count.ShouldBe(5);
        page.FindAll("[data-testid=submit-report]").Count.ShouldBe(submits ? 5 : 0);
    }

    [Fact]
    public async Task SubmittingWithoutContent_ShowsAChineseMessage_ThenTheReportIsSubmitted()
    {
        await Domain.Get<CustomerInfoReports>().GenerateAsync(Ct);
        await SignInAsync("director");
        var page = Open();

        _ = RowOf(page, "维修部").QuerySelector("[data-testid=submit-report]")!.ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=report-dialog]"), Wait);
        await Host.Find("[data-testid=report-confirm]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=report-note-error]").TextContent.ShouldBe("请填写报告内容摘要"), Wait);

        InputOf(Host.Find("[data-testid=report-note]")).Change("本月新增客户 2 家，一家搬迁");
        await Host.Find("[data-testid=report-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => RowOf(page, "维修部").QuerySelector("[data-testid=report-state]")!.TextContent.ShouldBe("已提交"), Wait);
        var row = RowOf(page, "维修部");
        row.TextContent.ShouldContain("赵主任");
        row.TextContent.ShouldContain("本月新增客户 2 家");
        (row.GetAttribute("style") ?? "").ShouldNotContain("palette-error");
        row.QuerySelector("[data-testid=submit-report]").ShouldBeNull();
    }
}
