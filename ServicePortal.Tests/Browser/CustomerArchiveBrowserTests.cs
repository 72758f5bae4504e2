using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServicePortal.Tests.Browser;

/// <summary>A key customer with every part of its file filled, for the customer archive's browser tests.</summary>
internal static class KeyCustomer
{
    public const string ContactName = "周海峰";
    public const string ContactPhone = "13912348765";
    public const string Industry = "消防工程";
    public const string Contract = "年度维保合同";

    public static async Task<int> CreateAsync(IServiceProvider services, string name, CancellationToken ct)
    {
        string execId, clerkId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            var ids = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
            (execId, clerkId) = (ids["exec"], ids["clerk"]);
        }
        var files = services.GetRequiredService<CustomerFiles>();
        var phone = "024-2" + Random.Shared.Next(1000000, 9999999);
        var id = await files.CreateAsync(new CustomerInput
        {
            Kind = CustomerKind.Organisation, Name = name, Phone = phone, Address = "沈阳市和平区南京北街 1 号", ServiceArea = "和平区", IsKeyCustomer = true,
            Basic = new CustomerBasicInput { Industry = Industry, Scale = "员工 300 人", CreditClass = CreditClass.B, BusinessNotes = "按季度结算", CustomerSince = new DateOnly(2018, 5, 1) },
        }, execId, force: true, ct);
        await files.SaveContactAsync(id, null, new ContactInput(ContactName, "总经理", ContactPhone, "zhou@example.com", "决策人", true), null, execId, ct);
        await files.SaveContactAsync(id, null, new ContactInput("吴倩", "设备主管", "13800137000", "", "", false), null, execId, ct);
        await files.SaveProductAsync(id, null, new ProductInput("JB-QB-5000", "SN-" + phone[^7..], new DateOnly(2024, 3, 1), new DateOnly(2024, 2, 20), new DateOnly(2027, 3, 1)), null, execId, ct);
        await files.SaveCooperationAsync(id, null, new CooperationInput(CooperationKind.Contract, new DateOnly(2025, 1, 5), Contract, 120000m, "每季度巡检"), null, execId, ct);
        await services.GetRequiredService<ComplaintService>().RegisterAsync(new ComplaintInputBuilder().WithCustomerId(id).Build(), clerkId, ct);
        return id;
    }
}

/// <summary>
/// Issue 11's access flow in the browser: a staff member asks for a key customer's contacts, the Executive approves
/// in another page, the staff member sees them, the grant expires (the app's clock moves on) and they are masked
/// again; the access log shows each view. The app here runs on a fake clock of its own (the shared app's is real).
/// </summary>
public sealed class CustomerAccessGrantBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PortalAppFactory _app = new() { FakeTime = new FakeTimeProvider(DateTimeOffset.UtcNow) };
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _baseUrl = _app.StartOnRealPort();
        await _app.SeedAccountsAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IPage> SignedInAsync(string user)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseUrl, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(user);
        return page;
    }

    private static async Task OpenContactsAsync(IPage page, int id)
    {
        await page.GotoAsync($"/customers/{id}");
        await page.WaitForInteractiveAsync();
        await page.TestId("customer-tabs").WaitForAsync();
        await page.Locator(".mud-tab", new() { HasTextString = "联系人" }).ClickAsync();
    }

    [Fact]
    public async Task AStaffMember_AsksForAKeyCustomersContacts_SeesThemOnceApproved_AndNotAfterTheGrantExpires()
    {
        const string name = "沈阳安泰消防设备有限公司";
        var id = await KeyCustomer.CreateAsync(_app.Services, name, Ct);
        var staff = await SignedInAsync("staff");

        // Without a grant: the masked preview only, and the phone in nothing the browser received.
        var received = new List<byte[]>();
        staff.WebSocket += (_, ws) => ws.FrameReceived += (_, frame) => received.Add(frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? ""));
        var first = await staff.GotoAsync($"/customers/{id}");
        var firstHtml = await first!.TextAsync();
        await staff.WaitForInteractiveAsync();
        await staff.Locator(".mud-tab", new() { HasTextString = "联系人" }).ClickAsync();
        await Expect(staff.TestId("customer-hidden-preview")).ToHaveTextAsync("2 位联系人：周**（139****8765）、吴*（138****7000）");
        firstHtml.ShouldNotContain(KeyCustomer.ContactPhone);
        (await staff.ContentAsync()).ShouldNotContain(KeyCustomer.ContactPhone);
        received.ShouldNotBeEmpty();
        received.ShouldAllBe(frame => !Encoding.UTF8.GetString(frame).Contains(KeyCustomer.ContactPhone));
        await staff.ScreenshotAsync("customer-access-1-staff-masked");

        // The page's 申请查阅 leads to the request form, prefilled with the customer and the contacts.
        await staff.TestId("customer-request-access").ClickAsync();
        await staff.WaitForURLAsync($"**/customers/access-requests?customer={id}&parts=Contacts");
        await staff.WaitForInteractiveAsync();
        await Expect(staff.TestId("existing-customer")).ToContainTextAsync(name);
        await Expect(staff.Locator("input[data-testid='part-Contacts']")).ToBeCheckedAsync();
        await staff.Locator("textarea[data-testid='reason']").FillAsync("上门维修前需联系总经理确认停机时间");
        await staff.Locator("input[data-testid='days']").FillAsync("1");
        await staff.Locator("input[data-testid='days']").PressAsync("Tab");
        await staff.TestId("submit-request").ClickAsync();
        await Expect(staff.TestId("my-requests").TestId("request-state")).ToHaveTextAsync("待审批");

        // The Executive approves it in another browser.
        var exec = await SignedInAsync("exec");
        await exec.GotoAsync("/customers/access-requests");
        await exec.WaitForInteractiveAsync();
        var row = exec.TestId("pending-requests").Locator("tr", new() { HasTextString = name });
        await row.TestId("approve").ClickAsync();
        await exec.TestId("decision-confirm").ClickAsync();
        await Expect(exec.TestId("active-grants").Locator("tr", new() { HasTextString = name })).ToBeVisibleAsync();
        int grant;
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct))
            grant = await db.AccessRequests.Where(r => r.CustomerId == id).Select(r => r.Id).SingleAsync(Ct);

        // The staff member now sees the contacts, twice (two logged views).
        for (var view = 0; view < 2; view++)
        {
            await OpenContactsAsync(staff, id);
            await Expect(staff.TestId("customer-contacts")).ToContainTextAsync(KeyCustomer.ContactPhone);
        }
        await Expect(staff.TestId("customer-contacts")).ToContainTextAsync(KeyCustomer.ContactName);
        await staff.ScreenshotAsync("customer-access-2-staff-granted");

        // A day and a minute later the grant has expired: masked again.
        _app.FakeTime!.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await OpenContactsAsync(staff, id);
        await Expect(staff.TestId("customer-hidden-preview")).ToContainTextAsync("周**（139****8765）");
        (await staff.ContentAsync()).ShouldNotContain(KeyCustomer.ContactPhone);
        await staff.ScreenshotAsync("customer-access-3-staff-expired");

        // The access log (the Executive's) shows each of the staff member's two views, under the grant.
        await exec.GotoAsync("/customers/access-log");
        await exec.WaitForInteractiveAsync();
        var staffRows = exec.TestId("access-log").Locator("tbody tr", new() { HasTextString = "刘师傅" });
        await Expect(staffRows).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
        {
            await Expect(staffRows.Nth(i)).ToContainTextAsync("联系人");
            await Expect(staffRows.Nth(i)).ToContainTextAsync($"#{grant}");
            await Expect(staffRows.Nth(i)).ToContainTextAsync(name);
        }
        await exec.ScreenshotAsync("customer-access-4-exec-log");
        await staff.Context.CloseAsync();
        await exec.Context.CloseAsync();
    }
}

/// <summary>
/// The same key customer as each role sees it (1366 px): what is masked and what is not, and 编辑 / 合并 by role.
/// Screenshots: customer-role-{role}-{tab}.png.
/// </summary>
public sealed class CustomerRoleViewsBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("clerk", false, false, false, false)]
    [InlineData("staff", false, false, false, false)]
    [InlineData("head", true, false, false, false)]
    [InlineData("director", true, false, false, true)]
    [InlineData("exec", true, true, true, true)]
    public async Task EachRole_SeesWhatItsClearanceOpens_OfTheSameKeyCustomer(string user, bool basic, bool contacts, bool cooperation, bool merge)
    {
        var id = await KeyCustomer.CreateAsync(browser.App.Services, "辽宁北方重工集团 " + user, Ct);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync(user);
        await page.GotoAsync($"/customers/{id}");
        await page.WaitForInteractiveAsync();
        await page.TestId("customer-tabs").WaitForAsync();

        (await page.TestId("customer-merge").CountAsync()).ShouldBe(merge ? 1 : 0);
        await Expect(page.TestId("customer-edit")).ToBeVisibleAsync();
        (await page.TestId("customer-basic").CountAsync()).ShouldBe(basic ? 1 : 0);
        (await page.ContentAsync()).Contains(KeyCustomer.Industry).ShouldBe(basic);
        await page.ScreenshotAsync($"customer-role-{user}-file");

        await page.Locator(".mud-tab", new() { HasTextString = "联系人" }).ClickAsync();
        await page.TestId(contacts ? "customer-contacts" : "customer-hidden-part").WaitForAsync();
        (await page.ContentAsync()).Contains(KeyCustomer.ContactPhone).ShouldBe(contacts);
        await page.ScreenshotAsync($"customer-role-{user}-contacts");

        await page.Locator(".mud-tab", new() { HasTextString = "合作记录" }).ClickAsync();
        await page.TestId(cooperation ? "customer-cooperation" : "customer-hidden-part").WaitForAsync();
        (await page.ContentAsync()).Contains(KeyCustomer.Contract).ShouldBe(cooperation);
        await page.ScreenshotAsync($"customer-role-{user}-cooperation");

        await page.Locator(".mud-tab", new() { HasTextString = "产品" }).ClickAsync();
        await Expect(page.TestId("customer-product")).ToContainTextAsync("JB-QB-5000");
        await page.ScreenshotAsync($"customer-role-{user}-products");

        await page.Locator(".mud-tab", new() { HasTextString = "投诉" }).ClickAsync();
        await Expect(page.TestId("customer-case")).ToHaveCountAsync(1);
        await page.ScreenshotAsync($"customer-role-{user}-complaints");
        await page.Context.CloseAsync();
    }
}
