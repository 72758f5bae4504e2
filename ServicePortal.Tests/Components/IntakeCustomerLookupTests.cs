using Bunit;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The intake form finds an existing customer by name or phone and registers the complaint for them.</summary>
public sealed class IntakeCustomerLookupTests : PortalComponentTest
{
    private async Task<IntakeFormDriver> OpenFormAsync()
    {
        await SignInAsync("clerk");
        var form = RenderWithProviders<NewComplaint>();
        form.WaitForElement("[data-testid=save-complaint]");
        return new IntakeFormDriver(this, form);
    }

    private void PickCustomer(IntakeFormDriver form, string term, string expectedText)
    {
        form.Field("customer-search").Input(term);
        Domain.Time.Advance(TimeSpan.FromSeconds(1)); // the lookup is debounced on the clock
        var item = Host.WaitForElements(".mud-popover-open .mud-list-item", TimeSpan.FromSeconds(5))
            .Single(i => i.TextContent.Contains(expectedText, StringComparison.Ordinal));
        item.Click();
        // The pick loads the customer's file before it fills the fields: done when the form says whose complaint it is.
        Host.WaitForElement("[data-testid=existing-customer]", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PickingACustomerFoundByPhone_FillsTheirDetails_AndTheComplaintIsTheirs()
    {
        var earlier = await Domain.RegisterAsync(new ComplaintInputBuilder()
            .WithCustomer("孙丽华", "13700002222").With(i => { i.CustomerAddress = "上海市浦东新区世纪大道 1 号"; i.ForeignCustomer = true; }).Build());
        var form = await OpenFormAsync();

        PickCustomer(form, "1370000", "孙丽华");

        form.Field("customer-name").GetAttribute("value").ShouldBe("孙丽华");
        form.Field("customer-phone").GetAttribute("value").ShouldBe("13700002222");
        form.Field("customer-address").GetAttribute("value").ShouldBe("上海市浦东新区世纪大道 1 号");
        form.Field("foreign-customer").HasAttribute("checked").ShouldBeTrue();
        Host.Find("[data-testid=existing-customer]").TextContent.ShouldContain("孙丽华");

        form.Choose("channel", "来访").Type("content", "第二次投诉：漏水仍未修好").Type("customer-request", "上门检修")
            .Choose("category", "维修质量").Severity("Normal");
        form.Save();

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("投诉已登记：TS2611002"));
        var second = (await Domain.Get<ComplaintService>().GetAsync("TS2611002", Ct)).ShouldNotBeNull();
        second.CustomerId.ShouldBe(earlier.CustomerId);
        (await Domain.CountRowsAsync()).Customers.ShouldBe(1);
    }

    [Fact]
    public async Task PickingACustomerFoundByName_ThenChangingTheName_RegistersANewCustomer()
    {
        var earlier = await Domain.RegisterAsync(new ComplaintInputBuilder().WithCustomer("孙丽华", "13700002222").Build());
        var form = await OpenFormAsync();
        PickCustomer(form, "丽华", "13700002222");

        form.Type("customer-name", "孙丽");
        Host.FindAll("[data-testid=existing-customer]").ShouldBeEmpty();
        form.Choose("channel", "电话").Type("content", "投诉内容").Type("customer-request", "回电")
            .Choose("category", "收费").Severity("Normal");
        form.Save();

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("投诉已登记：TS2611002"));
        var second = (await Domain.Get<ComplaintService>().GetAsync("TS2611002", Ct)).ShouldNotBeNull();
        second.CustomerName.ShouldBe("孙丽");
        second.CustomerId.ShouldNotBe(earlier.CustomerId);
    }
}
