using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Components.Pages.Customers.Access;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Components;

/// <summary>The access-request pages: the request form (prefilled from the customer page's link), the Executive's queue, the access log, the archive settings.</summary>
public sealed class AccessRequestPagesTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private async Task<int> CustomerAsync(string name = "苏州某电子公司")
    {
        await using var db = Domain.NewDb();
        var customer = new Customer { Name = name, Phone = "13812345678", CreatedAt = Domain.Time.GetUtcNow().UtcDateTime };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    private async Task<int> RequestAsync(int customer, string userName = "clerk", int days = 3) =>
        await Domain.Get<AccessRequests>().RequestAsync((await Domain.UserAsync(userName)).Id,
            new AccessRequestInput(customer, CustomerParts.Contacts, "核对回访联系人", days), Ct);

    private IRenderedComponent<AccessRequestsPage> Open(string url = "/customers/access-requests")
    {
        Nav.NavigateTo(url);
        var page = RenderWithProviders<AccessRequestsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=my-requests-empty], [data-testid=request-state]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static IElement InputOf(IElement e) => e.TagName is "INPUT" or "TEXTAREA" ? e : e.QuerySelector("input, textarea")!;

    private string? ErrorOf(string testId) => Host.FindAll($"[data-testid={testId}-error]").SingleOrDefault()?.TextContent.Trim();

    [Fact]
    public async Task TheCustomerPagesLink_PrefillsTheForm_AndTheRequestIsSavedAndListedAsPending()
    {
        var customer = await CustomerAsync();
        await SignInAsync("clerk");
        var page = Open($"/customers/access-requests?customer={customer}&parts=Contacts,Cooperation");

        page.WaitForAssertion(() => page.Find("[data-testid=existing-customer]").TextContent.ShouldContain("苏州某电子公司"), Wait);
        InputOf(page.Find("[data-testid=reason]")).Change("客户投诉回访需核对联系人");
        await page.Find("[data-testid=submit-request]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=request-state]").ShouldHaveSingleItem(string.Join("|", Host.FindAll(".field-error").Select(e => e.TextContent))).TextContent.ShouldBe("待审批"), Wait);
        await using var db = Domain.NewDb();
        var saved = await db.AccessRequests.SingleAsync(Ct);
        saved.Parts.ShouldBe(CustomerParts.Contacts | CustomerParts.Cooperation);
        saved.CustomerId.ShouldBe(customer);
        saved.Days.ShouldBe(ArchiveSettings.DefaultGrantDays);
        SnackbarMessages().ShouldContain("申请已提交，等待总经理审批");
    }

    [Fact]
    public async Task AnEmptyRequest_ShowsChineseMessagesNextToTheFields_AndSavesNothing()
    {
        await CustomerAsync();
        await SignInAsync("staff");
        var page = Open();

        await page.Find("[data-testid=submit-request]").ClickAsync(new());

        page.WaitForAssertion(() => ErrorOf("reason").ShouldBe("请填写查阅理由"), Wait);
        ErrorOf("parts").ShouldBe("请至少选择一项要查阅的档案内容");
        ErrorOf("customer-search").ShouldBe("请选择要查阅的客户");
        await using var db = Domain.NewDb();
        (await db.AccessRequests.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task TheExecutive_ApprovesFromTheQueue_AndARefusalNeedsANote()
    {
        var customer = await CustomerAsync();
        var first = await RequestAsync(customer, "clerk");
        await RequestAsync(customer, "staff");
        await SignInAsync("exec");
        var page = Open();
        page.FindAll("[data-testid=new-access-request]").ShouldBeEmpty();
        page.WaitForAssertion(() => page.FindAll("[data-testid=pending-requests] [data-testid=approve]").Count.ShouldBe(2), Wait);

        var rows = page.FindAll("[data-testid=pending-requests] tbody tr");
        var refuseRow = rows.First(r => r.TextContent.Contains("刘师傅"));
        _ = refuseRow.QuerySelector("[data-testid=refuse]")!.ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=access-decision-dialog]"), Wait);
        await Host.Find("[data-testid=decision-confirm]").ClickAsync(new());
        Host.WaitForAssertion(() => ErrorOf("decision-note").ShouldBe("请填写拒绝理由"), Wait);
        Host.Find("[data-testid=decision-cancel]").Click();

        var approveRow = page.FindAll("[data-testid=pending-requests] tbody tr").First(r => r.TextContent.Contains("张晓梅"));
        _ = approveRow.QuerySelector("[data-testid=approve]")!.ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=decision-confirm]"), Wait);
        await Host.Find("[data-testid=decision-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=active-grants] [data-testid=revoke]").ShouldHaveSingleItem(), Wait);
        (await Domain.Get<AccessRequests>().FindAsync(first, (await Domain.UserAsync("exec")).Id, Ct))!.State.ShouldBe(AccessRequestState.Active);
    }

    [Fact]
    public async Task AnExpiredGrant_IsListedAsExpired()
    {
        var customer = await CustomerAsync();
        var id = await RequestAsync(customer, days: 1);
        await Domain.Get<AccessRequests>().ApproveAsync(id, (await Domain.UserAsync("exec")).Id, null, "", Ct);
        Domain.Time.Advance(TimeSpan.FromDays(2));
        await SignInAsync("clerk");

        var page = Open();

        page.WaitForAssertion(() => page.Find("[data-testid=my-requests] [data-testid=request-state]").TextContent.ShouldBe("已过期"), Wait);
    }

    [Fact]
    public async Task TheAccessLog_ListsViews_NewestFirst_WithAnExportLinkOfTheFilter()
    {
        var customer = await CustomerAsync();
        await using (var db = Domain.NewDb())
        {
            var head = await Domain.UserAsync("head");
            CustomerAccess.Log(db, new CaseActor(head.Id, head.DisplayName, head.Role, head.DepartmentId), customer,
                new PartAccess(CustomerPart.Basic, Confidentiality.Secret, true, null), AccessChannel.Ui, Domain.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(Ct);
        }
        await SignInAsync("director");
        var page = RenderWithProviders<AccessLogPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=access-log] tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("李经理"), Wait);
        var row = page.Find("[data-testid=access-log] tbody tr").TextContent;
        row.ShouldContain("苏州某电子公司");
        row.ShouldContain("基本资料");
        row.ShouldContain("秘密");
        row.ShouldContain("页面");
        page.Find("[data-testid=export-access-log]").GetAttribute("href").ShouldBe("/api/exports/access-log.xlsx");
        page.Find(".mud-table-pagination").TextContent.ShouldContain("第 1-1 条，共 1 条"); // not MudBlazor's English "1-1 of 1"
    }

    [Fact]
    public async Task TheAdmin_SavesTheArchiveSettings_AndBadValuesShowChineseMessages()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<ArchiveSettingsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=maxGrantDays]"), Wait);

        InputOf(page.Find("[data-testid=maxGrantDays]")).Change("120");
        await page.Find("[data-testid=archive-settings-save]").ClickAsync(new());
        page.WaitForAssertion(() => ErrorOf("maxGrantDays").ShouldBe("查阅授权最长天数应为 1 至 90 天"), Wait);

        InputOf(page.Find("[data-testid=maxGrantDays]")).Change("14");
        await page.Find("[data-testid=archive-settings-save]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=archive-settings-updated]").TextContent.ShouldContain("系统管理员"), Wait);
        (await Domain.Get<ArchiveSettingsService>().GetAsync(Ct)).MaxGrantDays.ShouldBe(14);
    }
}
