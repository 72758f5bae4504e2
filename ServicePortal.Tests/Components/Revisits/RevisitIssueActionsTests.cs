using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Revisits;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>
/// V-4 on the task page: an open issue offers 转为投诉 (the prefilled intake form) and 转为任务 (owner and time,
/// quiet hours refused in Chinese); once converted it links to what it became and offers neither again.
/// </summary>
public sealed class RevisitIssueActionsTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private async Task<(RevisitDesk Desk, int Id, long IssueId)> IssueAsync()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var id = await d.AddTaskAsync(Domain.Time.GetUtcNow().AddHours(5));
        Domain.Time.Advance(TimeSpan.FromHours(1));
        await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => r.Issues =
            [new("要求上门保养", false, null, Domain.Time.GetUtcNow().AddDays(1), d.Id("clerk2")), new("保修范围", true, "已说明")]), ct: Ct);
        await SignInAsync("clerk");
        return (d, id, (await d.DetailAsync(id)).Issues.Single(i => !i.AnsweredOnSpot).Id);
    }

    private IRenderedComponent<RevisitTaskPage> Open(int id)
    {
        var page = RenderWithProviders<RevisitTaskPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"), Wait);
        return page;
    }

    [Fact]
    public async Task AnOpenIssue_OffersBothActions_AndTheComplaintOneOpensThePrefilledForm()
    {
        var (_, id, issueId) = await IssueAsync();

        var page = Open(id);

        page.FindAll("[data-testid=issue-to-complaint]").Count.ShouldBe(1); // not for the issue answered on the spot
        page.Find("[data-testid=issue-to-complaint]").GetAttribute("href").ShouldBe($"/complaints/new?fromIssue={issueId}");
        page.FindAll("[data-testid=issue-to-task]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task ToTask_RefusesQuietHours_ThenCreatesTheFollowUp_AndTheIssueLinksToIt()
    {
        var (d, id, issueId) = await IssueAsync();
        var page = Open(id);

        page.Find("[data-testid=issue-to-task]").Click();
        Host.WaitForElement("[data-testid=dialog-issue-task]").TextContent.ShouldContain("要求上门保养");
        Host.Find("[data-testid=dialog-issue-task] input[data-testid=field-due]").Change("2026-11-25T12:30");
        Host.Find("[data-testid=dialog-submit]").Click();
        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-error]").TextContent.ShouldBe("跟进时间在免打扰时段（12:00–14:00）内，请另选时间"), Wait);
        (await d.DetailAsync(id)).Issues.Single(i => i.Id == issueId).FollowUpTaskId.ShouldBeNull();

        Host.Find("[data-testid=dialog-issue-task] input[data-testid=field-due]").Change("2026-11-25T15:00");
        Host.Find("[data-testid=dialog-submit]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=issue-follow-up-link]").Count.ShouldBe(1), Wait);
        var followUp = (await d.DetailAsync(id)).Issues.Single(i => i.Id == issueId).FollowUpTaskId.ShouldNotBeNull();
        page.Find("[data-testid=issue-follow-up-link]").GetAttribute("href").ShouldBe($"/revisits/{followUp}");
        page.FindAll("[data-testid=issue-to-task]").ShouldBeEmpty();
        page.FindAll("[data-testid=issue-to-complaint]").ShouldBeEmpty();
        var task = (await d.DetailAsync(followUp)).Task;
        task.AssigneeName.ShouldBe("陈静"); // the issue's owner, proposed
        task.Kind.ShouldBe(RevisitKind.IssueFollowUp);
    }

    [Fact]
    public async Task AnIssueThatBecameAComplaint_LinksToIt()
    {
        var (d, id, issueId) = await IssueAsync();
        var draft = await d.Revisits.ComplaintDraftAsync(issueId, Ct);
        draft.RepairNumber = "";
        draft.Category = "其他";
        var number = (await Domain.Get<ServicePortal.Domain.Complaints.ComplaintService>().RegisterAsync(draft, d.Id("clerk"), Ct)).Number;

        var page = Open(id);

        page.Find("[data-testid=issue-complaint-link]").GetAttribute("href").ShouldBe($"/complaints/{number}");
        page.FindAll("[data-testid=issue-to-complaint]").ShouldBeEmpty();
        page.FindAll("[data-testid=issue-handle]").Count.ShouldBe(1); // still open until the complaint closes
    }
}

/// <summary>V-4 on the complaint pages: /complaints/new?fromIssue= is prefilled, one save links both ways, the detail names its source.</summary>
public sealed class ComplaintFromRevisitIssueTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private async Task<(RevisitDesk Desk, int Id, long IssueId)> IssueAsync()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var id = await d.AddTaskAsync(Domain.Time.GetUtcNow().AddHours(5), number: "");
        Domain.Time.Advance(TimeSpan.FromHours(1));
        await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => r.Issues = [new("物业费发票一直没有寄到", false, null, Domain.Time.GetUtcNow().AddDays(1), d.Id("clerk2"))]), ct: Ct);
        await SignInAsync("clerk");
        return (d, id, (await d.DetailAsync(id)).Issues.Single().Id);
    }

    private IRenderedComponent<ServicePortal.Components.Pages.Complaints.NewComplaint> OpenIntake(long issueId)
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/complaints/new?fromIssue={issueId}");
        var form = RenderWithProviders<ServicePortal.Components.Pages.Complaints.NewComplaint>();
        form.WaitForElement("[data-testid=save-complaint]");
        return form;
    }

    [Fact]
    public async Task TheIntakeForm_IsPrefilled_AndOneSaveLinksBothWays()
    {
        var (d, id, issueId) = await IssueAsync();

        var form = OpenIntake(issueId);

        form.Find("[data-testid=intake-source-link]").GetAttribute("href").ShouldBe($"/revisits/{id}");
        form.Find("[data-testid=intake-source]").TextContent.ShouldContain("物业费发票一直没有寄到");
        form.Find("[data-testid=customer-name]").GetAttribute("value").ShouldBe("王建国");
        form.Find("[data-testid=channel]").GetAttribute("value").ShouldBe("回访中发现");
        var content = form.Find("[data-testid=content]");
        (content.GetAttribute("value") ?? content.TextContent).ShouldContain($"回访任务 #{id}");

        form.Find("[data-testid=save-complaint]").Click();

        form.WaitForAssertion(() => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldContain("/complaints/TS"), Wait);
        var number = (await d.DetailAsync(id)).Issues.Single().ComplaintNumber.ShouldNotBeNull();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldEndWith($"/complaints/{number}");
        (await Domain.Get<ServicePortal.Domain.Complaints.ComplaintService>().GetAsync(number, Ct))!.Channel.ShouldBe(ServicePortal.Domain.Complaints.ComplaintChannel.Revisit);
    }

    [Fact]
    public async Task TheComplaintPage_NamesTheRevisitItCameFrom()
    {
        var (d, id, issueId) = await IssueAsync();
        var draft = await d.Revisits.ComplaintDraftAsync(issueId, Ct);
        var number = (await Domain.Get<ServicePortal.Domain.Complaints.ComplaintService>().RegisterAsync(draft, d.Id("clerk"), Ct)).Number;

        var detail = RenderWithProviders<ServicePortal.Components.Pages.Complaints.ComplaintDetails>(p => p.Add(x => x.Number, number));

        detail.WaitForAssertion(() => detail.Find("[data-testid=complaint-source-link]").GetAttribute("href").ShouldBe($"/revisits/{id}"), Wait);
        detail.Find("[data-testid=complaint-source]").TextContent.ShouldContain("物业费发票一直没有寄到");
        detail.Find("[data-testid=complaint-channel]").TextContent.ShouldBe("回访中发现");
    }

    [Fact]
    public async Task AnIssueAlreadyConverted_SaysSoInChinese_AndTheFormIsNotPrefilled()
    {
        var (d, _, issueId) = await IssueAsync();
        await d.Revisits.IssueToTaskAsync(issueId, d.Id("clerk"), "clerk2", Domain.Time.GetUtcNow().AddDays(1).AddHours(-2), Ct);

        var form = OpenIntake(issueId);

        form.Find("[data-testid=source-error]").TextContent.ShouldStartWith("此问题已转为跟进任务 #");
        form.FindAll("[data-testid=intake-source]").ShouldBeEmpty();
    }
}
