using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Customers;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>
/// 合并档案 on the customer page: only the Director and the Executive get the button; the dialog picks the file to
/// keep, then confirms with what moves and that it cannot be undone; the merge runs only after that and the page
/// goes to the file kept.
/// </summary>
public sealed class CustomerMergeDialogTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<CustomerFilePage> Open(int id)
    {
        var page = RenderWithProviders<CustomerFilePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Markup.ShouldContain("customer-tabs"), Wait);
        return page;
    }

    private void OpenMerge(IRenderedComponent<CustomerFilePage> page)
    {
        _ = page.Find("[data-testid=customer-merge]").ClickAsync(new());
        Host.WaitForElement("[data-testid=merge-dialog]", Wait);
    }

    private void PickTarget(string term, string expectedText)
    {
        Host.Find("[data-testid=merge-dialog] input[data-testid=customer-search]").Input(term);
        Domain.Time.Advance(TimeSpan.FromSeconds(1)); // the lookup is debounced on the clock
        Host.WaitForElements(".mud-popover-open .mud-list-item", Wait)
            .Single(i => i.TextContent.Contains(expectedText, StringComparison.Ordinal)).Click();
    }

    private async Task<(int Source, int Target)> TwoFilesAsync()
    {
        var source = await Domain.FullFileAsync("沈阳安泰消防", "024-23456789");
        var target = await Domain.FullFileAsync("沈阳安泰消防设备有限公司", "024-88886666");
        await ComplaintTesting.RegisterAsync(Domain, new ComplaintInputBuilder().WithCustomerId(source).Build());
        await ComplaintTesting.RegisterAsync(Domain, new ComplaintInputBuilder().WithCustomerId(source).Build());
        return (source, target);
    }

    [Theory]
    [InlineData("clerk", false)]
    [InlineData("staff", false)]
    [InlineData("head", false)]
    [InlineData("director", true)]
    [InlineData("exec", true)]
    public async Task TheMergeButton_IsOnlyForTheDirectorAndTheExecutive(string user, bool shown)
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync(user);

        var page = Open(id);

        page.FindAll("[data-testid=customer-merge]").Count.ShouldBe(shown ? 1 : 0);
    }

    [Fact]
    public async Task TheConfirmation_SaysWhatMovesAndThatItCannotBeUndone_ThenMerges_AndGoesToTheFileKept()
    {
        var (source, target) = await TwoFilesAsync();
        await SignInAsync("director");
        var page = Open(source);

        OpenMerge(page);
        PickTarget("安泰", "88886666");
        Host.Find("[data-testid=merge-next]").Click();

        Host.WaitForAssertion(() => Host.Find("[data-testid=merge-cases]").TextContent.ShouldBe("投诉 2 件、维修单 0 张、回访 0 次、问卷 0 份"), Wait);
        Host.Find("[data-testid=merge-parts]").TextContent.ShouldBe("联系人 1 位、产品 1 个、合作记录 1 条");
        Host.Find("[data-testid=merge-irreversible]").TextContent.ShouldContain("合并后不能撤销");
        Host.Find("[data-testid=merge-preview]").TextContent.ShouldContain($"将把“沈阳安泰消防”（#{source}）合并到“沈阳安泰消防设备有限公司”（#{target}）");
        (await StoredAsync(source)).MergedIntoId.ShouldBeNull(); // nothing happens before the confirmation

        await Host.Find("[data-testid=merge-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith($"/customers/{target}"), Wait);
        (await StoredAsync(source)).MergedIntoId.ShouldBe(target);
        await using var db = Domain.NewDb();
        db.Complaints.Count(c => c.CustomerId == target).ShouldBe(2);
    }

    [Fact]
    public async Task CancellingTheConfirmation_MergesNothing()
    {
        var (source, _) = await TwoFilesAsync();
        await SignInAsync("exec");
        var page = Open(source);

        OpenMerge(page);
        PickTarget("安泰", "88886666");
        Host.Find("[data-testid=merge-next]").Click();
        Host.WaitForElement("[data-testid=merge-confirm]", Wait);
        Host.Find("[data-testid=merge-cancel]").Click();

        Host.WaitForAssertion(() => Host.FindAll("[data-testid=merge-dialog]").ShouldBeEmpty(), Wait);
        (await StoredAsync(source)).MergedIntoId.ShouldBeNull();
        await using var db = Domain.NewDb();
        db.Complaints.Count(c => c.CustomerId == source).ShouldBe(2);
    }

    [Fact]
    public async Task PickingTheFileItself_OrNothing_IsRefusedInChinese()
    {
        var (source, _) = await TwoFilesAsync();
        await SignInAsync("director");
        var page = Open(source);
        OpenMerge(page);

        Host.Find("[data-testid=merge-next]").Click();
        Host.WaitForAssertion(() => Host.Find("[data-testid=edit-problem]").TextContent.ShouldBe("请先选择保留的客户档案"), Wait);

        PickTarget("安泰", "23456789");
        Host.WaitForAssertion(() => Host.Find("[data-testid=edit-problem]").TextContent.ShouldBe("不能合并到本档案自身，请选择另一位客户"), Wait);
        Host.Find("[data-testid=merge-next]").Click();
        Host.FindAll("[data-testid=merge-preview]").ShouldBeEmpty();
    }

    private async Task<Customer> StoredAsync(int id)
    {
        await using var db = Domain.NewDb();
        return await db.Customers.FindAsync([id], Ct) ?? throw new InvalidOperationException();
    }
}
