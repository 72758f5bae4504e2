using AngleSharp.Dom;
using Bunit;
using ServicePortal.Components.Pages.Customers;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>
/// Editing a customer file on its page: 编辑 only on the parts the viewer may change, the domain's Chinese messages next
/// to the fields with nothing saved, a concurrent edit refused with a clear message while the dialog keeps the input.
/// </summary>
public sealed class CustomerEditingTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<CustomerFilePage> Open(int id)
    {
        var page = RenderWithProviders<CustomerFilePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Markup.ShouldContain("customer-tabs"), Wait);
        return page;
    }

    private static void OpenTab(IRenderedComponent<CustomerFilePage> page, string title) =>
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == title).Click();

    private IElement Dialog(string testId)
    {
        Host.WaitForAssertion(() => Host.FindAll($"[data-testid={testId}]").ShouldNotBeEmpty(), Wait);
        return Host.Find($"[data-testid={testId}]");
    }

    private void OpenDialog(IRenderedComponent<CustomerFilePage> page, string button, string dialog)
    {
        _ = page.Find($"[data-testid={button}]").ClickAsync(new()); // the page waits for the dialog to close
        Dialog(dialog);
    }

    private IElement Field(string testId) => Host.Find($"[data-testid={testId}]");

    private string ErrorOf(string testId) =>
        Field(testId).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private Task SaveAsync() => Host.Find("[data-testid=edit-save]").ClickAsync(new());

    private async Task<Customer> StoredAsync(int id)
    {
        await using var db = Domain.NewDb();
        return await db.Customers.FindAsync([id], Ct) ?? throw new InvalidOperationException();
    }

    [Fact]
    public async Task AClerk_MayEditTheOpenFieldsAndProducts_NotTheContactsOrCooperation_AndCannotMerge()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("clerk");

        var page = Open(id);

        page.FindAll("[data-testid=customer-edit]").Count.ShouldBe(1);
        page.FindAll("[data-testid=customer-merge]").ShouldBeEmpty();
        OpenTab(page, "联系人");
        page.WaitForAssertion(() => page.Markup.ShouldContain("customer-hidden-part"), Wait);
        page.FindAll("[data-testid=contact-add]").ShouldBeEmpty();
        page.FindAll("[data-testid=row-edit]").ShouldBeEmpty();
        OpenTab(page, "合作记录");
        page.WaitForAssertion(() => page.Markup.ShouldContain("customer-hidden-part"), Wait);
        page.FindAll("[data-testid=cooperation-add]").ShouldBeEmpty();
        OpenTab(page, "产品");
        page.WaitForAssertion(() => page.FindAll("[data-testid=product-add]").Count.ShouldBe(1), Wait);
        page.FindAll("[data-testid=row-edit]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task TheExecutive_MayEditContactsAndCooperation()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("exec");

        var page = Open(id);
        OpenTab(page, "联系人");
        page.WaitForAssertion(() => page.FindAll("[data-testid=contact-add]").Count.ShouldBe(1), Wait);
        page.Find("[data-testid=customer-contact]").QuerySelector("[data-testid=row-edit]").ShouldNotBeNull();
        OpenTab(page, "合作记录");
        page.WaitForAssertion(() => page.FindAll("[data-testid=cooperation-add]").Count.ShouldBe(1), Wait);
    }

    [Fact]
    public async Task AClerksEditDialog_HasNoBasicData_AndSavingTheOpenFieldsLeavesTheBasicDataAlone()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("clerk");
        var page = Open(id);

        OpenDialog(page, "customer-edit", "customer-file-dialog");
        Host.FindAll("[data-testid=field-notes]").ShouldBeEmpty();
        Host.Find("[data-testid=customer-file-dialog]").TextContent.ShouldNotContain("消防工程");
        Field("field-address").Change("沈阳市和平区南京北街 9 号");
        await SaveAsync();

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("已保存"), Wait);
        var stored = await StoredAsync(id);
        stored.Address.ShouldBe("沈阳市和平区南京北街 9 号");
        stored.Industry.ShouldBe("消防工程");
        stored.BusinessNotes.ShouldBe("年度维保合同客户");
        page.WaitForAssertion(() => page.Find("[data-testid=customer-open]").TextContent.ShouldContain("南京北街 9 号"), Wait);
    }

    [Fact]
    public async Task TheDirector_ChangesTheKeyFlagAndBusinessNotes_InOneSave()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("director");
        var page = Open(id);

        OpenDialog(page, "customer-edit", "customer-file-dialog");
        Field("field-key").Change(true);
        Field("field-notes").Change("2026 年起改为季度结算");
        await SaveAsync();

        page.WaitForAssertion(() => Host.FindAll("[data-testid=customer-file-dialog]").ShouldBeEmpty(), Wait);
        var stored = await StoredAsync(id);
        stored.IsKeyCustomer.ShouldBeTrue();
        stored.BusinessNotes.ShouldBe("2026 年起改为季度结算");
        page.WaitForAssertion(() => page.Find("[data-testid=customer-key]").TextContent.ShouldBe("是"), Wait);
    }

    [Fact]
    public async Task AnEmptyNameAndABadPhone_GetChineseMessages_AndNothingIsSaved()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("director");
        var page = Open(id);
        var before = await StoredAsync(id);

        OpenDialog(page, "customer-edit", "customer-file-dialog");
        Field("field-name").Change("");
        Field("field-phone").Change("12345");
        Field("field-notes").Change("不应保存的备注");
        await SaveAsync();

        Host.WaitForAssertion(() => ErrorOf("field-name").ShouldBe("请输入客户名称"), Wait);
        ErrorOf("field-phone").ShouldStartWith("电话号码格式不正确");
        Field("edit-problem").TextContent.ShouldBe("输入有误，请按提示修改后再保存。");
        var after = await StoredAsync(id);
        (after.Name, after.Phone, after.BusinessNotes, after.Version).ShouldBe((before.Name, before.Phone, before.BusinessNotes, before.Version));
    }

    [Fact]
    public async Task AConcurrentEdit_IsRefusedWithAClearMessage_AndTheDialogKeepsTheInput()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("director");
        var page = Open(id);
        OpenDialog(page, "customer-edit", "customer-file-dialog");
        Field("field-notes").Change("我的修改");

        // Meanwhile the Executive changes the address.
        await Domain.Get<CustomerFiles>().UpdateOpenAsync(id, CustomerFilesTesting.Input() with { Address = "他人修改的地址" }, null,
            await Domain.IdOf("exec"), Ct);
        await SaveAsync();

        Host.WaitForAssertion(() => Field("edit-problem").TextContent.ShouldContain("刚被他人修改，您的修改未保存"), Wait);
        Field("field-notes").GetAttribute("value").ShouldBe("我的修改"); // still in the open dialog
        var stored = await StoredAsync(id);
        stored.BusinessNotes.ShouldBe("年度维保合同客户");
        stored.Address.ShouldBe("他人修改的地址");
    }

    [Fact]
    public async Task AContactWithABadEmail_GetsAChineseMessage_AndIsNotAdded()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("exec");
        var page = Open(id);
        OpenTab(page, "联系人");
        page.WaitForElement("[data-testid=contact-add]");

        OpenDialog(page, "contact-add", "contact-dialog");
        Field("contact-name").Change("钱进");
        Field("contact-email").Change("qianjin.example.com");
        await SaveAsync();

        Host.WaitForAssertion(() => ErrorOf("contact-email").ShouldBe("邮箱格式不正确，如 name@example.com"), Wait);
        await using var db = Domain.NewDb();
        db.CustomerContacts.Count(c => c.CustomerId == id).ShouldBe(1);
    }

    [Fact]
    public async Task RemovingAProduct_AsksFirst_AndCancellingKeepsIt()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("clerk");
        var page = Open(id);
        OpenTab(page, "产品");
        page.WaitForElement("[data-testid=row-remove]");

        _ = page.Find("[data-testid=row-remove]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find(".mud-message-box").TextContent.ShouldContain("确定删除产品“JB-QB-5000 SN-0001”吗？"), Wait);
        Host.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "取消").Click();

        Host.WaitForAssertion(() => Host.FindAll(".mud-message-box").ShouldBeEmpty(), Wait);
        await using var db = Domain.NewDb();
        db.CustomerProducts.Count(p => p.CustomerId == id).ShouldBe(1);
    }
}
