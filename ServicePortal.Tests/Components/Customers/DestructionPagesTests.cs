using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Components.Pages.Customers;
using ServicePortal.Components.Pages.Customers.Archive;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>
/// 档案销毁: proposing (from the page or the customer page, only for the proposer roles), approve and refuse only
/// for the role whose step it is, the warning that the erasure cannot be undone before each approval, and the record.
/// </summary>
public sealed class DestructionPagesTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private const string Name = "过时档案有限公司";

    private async Task<int> CustomerAsync()
    {
        await using var db = Domain.NewDb();
        var customer = new Customer { Name = Name, Phone = "13812345678", CreatedAt = Domain.Time.GetUtcNow().UtcDateTime.AddYears(-3) };
        customer.Contacts.Add(new CustomerContact { Name = "欧阳联系人", Phone = "13700001111", Role = "经理" });
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    /// <summary>A request proposed by the clerk and approved by the first <paramref name="approvals"/> approvers.</summary>
    private async Task<int> RequestAsync(int customer, int approvals)
    {
        var service = Domain.Get<CustomerDestruction>();
        var request = await service.ProposeAsync(customer, "客户已搬离，长期无业务往来", (await Domain.UserAsync("clerk")).Id, Ct);
        foreach (var approver in new[] { "director", "head", "exec" }.Take(approvals))
            await service.ApproveAsync(request.Id, (await Domain.UserAsync(approver)).Id, null, Ct);
        return request.Id;
    }

    private async Task<DestructionRequest> StoredAsync(int id)
    {
        await using var db = Domain.NewDb();
        return await db.DestructionRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    private IRenderedComponent<DestructionsPage> Open()
    {
        var page = RenderWithProviders<DestructionsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=destruction-state], [data-testid=destructions-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static IElement InputOf(IElement e) => e.TagName is "INPUT" or "TEXTAREA" ? e : e.QuerySelector("input, textarea")!;

    [Theory]
    [InlineData("clerk", 1)]
    [InlineData("director", 1)]
    [InlineData("head", 0)]
    [InlineData("exec", 0)]
    public async Task WithoutRequests_ThePageSaysSo_AndOnlyAProposerGetsTheProposeButton(string user, int buttons)
    {
        await SignInAsync(user);

        var page = Open();

        page.Find("[data-testid=destructions-empty]").TextContent.ShouldBe("暂无销毁申请");
        page.FindAll("[data-testid=propose-destruction]").Count.ShouldBe(buttons);
    }

    [Fact]
    public async Task AnEmptyProposal_ShowsChineseMessages_AndSavesNothing()
    {
        await CustomerAsync();
        await SignInAsync("director");
        var page = Open();

        _ = page.Find("[data-testid=propose-destruction]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=propose-dialog]"), Wait);
        await Host.Find("[data-testid=propose-confirm]").ClickAsync(new());

        Host.WaitForAssertion(() => Host.Find("[data-testid=destruction-reason-error]").TextContent.ShouldBe("请填写销毁理由"), Wait);
        Host.Find("[data-testid=customer-search-error]").TextContent.ShouldBe("请选择要销毁的客户档案");
        await using var db = Domain.NewDb();
        (await db.DestructionRequests.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory]
    [InlineData("director", 0)]
    [InlineData("exec", 0)]
    [InlineData("clerk", 0)]
    [InlineData("head", 1)]
    public async Task OnlyTheRoleWhoseStepItIs_GetsApproveAndRefuse(string user, int buttons)
    {
        await RequestAsync(await CustomerAsync(), approvals: 1);
        await SignInAsync(user);

        var page = Open();

        page.FindAll("[data-testid=approve-destruction]").Count.ShouldBe(buttons);
        page.FindAll("[data-testid=refuse-destruction]").Count.ShouldBe(buttons);
        page.Find("[data-testid=destruction-steps]").TextContent.ShouldContain("等待部门经理审批");
        page.Find("[data-testid=destruction-steps]").TextContent.ShouldContain("客服中心主任 赵主任");
    }

    [Fact]
    public async Task TheLastApproval_WarnsThatTheErasureCannotBeUndone_CancelKeepsTheFile_ConfirmErasesIt()
    {
        var customer = await CustomerAsync();
        var id = await RequestAsync(customer, approvals: 2);
        await SignInAsync("exec");
        var page = Open();

        _ = page.Find("[data-testid=approve-destruction]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=erase-warning]").TextContent.ShouldContain("无法恢复"), Wait);
        Host.Find("[data-testid=erase-warning]").TextContent.ShouldContain("立即清除");
        Host.Find("[data-testid=destruction-cancel]").Click();
        Host.WaitForAssertion(() => Host.FindAll("[data-testid=destruction-dialog]").ShouldBeEmpty(), Wait);
        (await StoredAsync(id)).Status.ShouldBe(DestructionStatus.Pending);

        _ = page.Find("[data-testid=approve-destruction]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=destruction-confirm]"), Wait);
        await Host.Find("[data-testid=destruction-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=destruction-state]").TextContent.ShouldBe("已销毁"), Wait);
        var record = page.Find("[data-testid=destruction-record]").TextContent;
        record.ShouldContain("联系人 1 条（已删除）");
        page.FindAll("[data-testid=approve-destruction]").ShouldBeEmpty();
        page.Find("[data-testid=customer-link]").TextContent.ShouldBe(CustomerDestruction.AnonymisedName(customer));
        page.Find("[data-testid=destruction-requests]").TextContent.ShouldNotContain(Name);
        page.Find("[data-testid=destruction-steps]").TextContent.ShouldContain("总经理 王总");
    }

    [Fact]
    public async Task AnEarlierApproval_AlsoWarns_AndARefusalNeedsAReason()
    {
        var id = await RequestAsync(await CustomerAsync(), approvals: 0);
        await SignInAsync("director");
        var page = Open();

        _ = page.Find("[data-testid=approve-destruction]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=erase-warning]").TextContent.ShouldContain("转部门经理审批"), Wait);
        Host.Find("[data-testid=erase-warning]").TextContent.ShouldContain("无法恢复");
        Host.Find("[data-testid=destruction-cancel]").Click();

        _ = page.Find("[data-testid=refuse-destruction]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=refuse-note]"), Wait);
        await Host.Find("[data-testid=destruction-confirm]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=refuse-note-error]").TextContent.ShouldBe("请填写拒绝理由"), Wait);
        (await StoredAsync(id)).Status.ShouldBe(DestructionStatus.Pending);

        InputOf(Host.Find("[data-testid=refuse-note]")).Change("产品仍在保修期内");
        await Host.Find("[data-testid=destruction-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=destruction-state]").TextContent.ShouldBe("已拒绝"), Wait);
        page.Find("[data-testid=destruction-refusal]").TextContent.ShouldContain("产品仍在保修期内");
        (await StoredAsync(id)).Status.ShouldBe(DestructionStatus.Refused);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("head")]
    [InlineData("exec")]
    public async Task TheCustomerPage_HasNoProposeButton_ForOtherRoles(string user)
    {
        var customer = await CustomerAsync();
        await SignInAsync(user);

        var page = RenderWithProviders<CustomerFilePage>(p => p.Add(x => x.Id, customer));

        page.WaitForAssertion(() => page.Find("[data-testid=customer-name]"), Wait);
        page.FindAll("[data-testid=propose-destruction]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheCustomerPage_OffersTheProposalToAProposer_AndSavesItForThatCustomer()
    {
        var customer = await CustomerAsync();
        await SignInAsync("clerk");
        var page = RenderWithProviders<CustomerFilePage>(p => p.Add(x => x.Id, customer));
        page.WaitForAssertion(() => page.Find("[data-testid=propose-destruction]"), Wait);
        _ = page.Find("[data-testid=propose-destruction]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=propose-customer]").TextContent.ShouldContain(Name), Wait);
        InputOf(Host.Find("[data-testid=destruction-reason]")).Change("客户已注销");
        await Host.Find("[data-testid=propose-confirm]").ClickAsync(new());

        Host.WaitForAssertion(() => Host.FindAll("[data-testid=propose-dialog]").ShouldBeEmpty(), Wait);
        await using var db = Domain.NewDb();
        var saved = await db.DestructionRequests.SingleAsync(Ct);
        (saved.CustomerId, saved.Reason, saved.ProposedByName).ShouldBe((customer, "客户已注销", "张晓梅"));
        SnackbarMessages().ShouldContain("销毁申请已提交，等待客服中心主任审批");
    }
}
