using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Components.Pages.Customers.Archive;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>档案核定: the due list oldest first with the key marker, verifying one with a note, and the ticked rows only after a confirmation naming the count.</summary>
public sealed class VerificationPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private async Task<int> FileAsync(string name, int monthsOld, bool key = false)
    {
        await using var db = Domain.NewDb();
        var customer = new Customer { Name = name, Phone = "13812345678", IsKeyCustomer = key, CreatedAt = Domain.Time.GetUtcNow().UtcDateTime.AddMonths(-monthsOld) };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    private IRenderedComponent<VerificationPage> Open()
    {
        var page = RenderWithProviders<VerificationPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=customer-link], [data-testid=verification-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static IElement InputOf(IElement e) => e.TagName is "INPUT" or "TEXTAREA" ? e : e.QuerySelector("input, textarea")!;

    private async Task<List<DateTime?>> VerifiedAtAsync()
    {
        await using var db = Domain.NewDb();
        return await db.Customers.OrderBy(c => c.Id).Select(c => c.LastVerifiedAt).ToListAsync(Ct);
    }

    [Fact]
    public async Task WithNothingDue_ThePageSaysSo()
    {
        await FileAsync("新建档案公司", 0);
        await SignInAsync("director");

        var page = Open();

        page.Find("[data-testid=verification-empty]").TextContent.ShouldContain("没有待核定的档案");
        page.Find("[data-testid=verify-selected]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task TheDueFiles_AreListedOldestFirst_WithTheKeyMarkerAndALinkToTheFile()
    {
        var younger = await FileAsync("较新的档案公司", 2);
        var older = await FileAsync("最早的档案公司", 5, key: true);
        await SignInAsync("exec");

        var page = Open();

        var links = page.FindAll("[data-testid=customer-link]");
        links.Select(l => l.TextContent.Trim()).ShouldBe(["最早的档案公司", "较新的档案公司"]);
        links[0].GetAttribute("href").ShouldBe($"/customers/{older}");
        links[1].GetAttribute("href").ShouldBe($"/customers/{younger}");
        page.FindAll("[data-testid=key-customer]").Count.ShouldBe(1);
        page.FindAll("[data-testid=last-verified]").ShouldAllBe(c => c.TextContent.Contains("从未核定"));
    }

    [Fact]
    public async Task VerifyingOne_WithANote_StampsTheFileAndDropsItFromTheList()
    {
        var id = await FileAsync("单份核定公司", 3);
        await SignInAsync("director");
        var page = Open();

        _ = page.Find("[data-testid=verify-one]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=verify-question]").TextContent.ShouldContain("单份核定公司"), Wait);
        InputOf(Host.Find("[data-testid=verify-note]")).Change("电话核实地址无变化");
        await Host.Find("[data-testid=verify-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=verification-empty]").ShouldHaveSingleItem(), Wait);
        await using var db = Domain.NewDb();
        var file = await db.Customers.SingleAsync(c => c.Id == id, Ct);
        file.LastVerifiedBy.ShouldBe("赵主任");
        (await db.CustomerHistory.SingleAsync(h => h.CustomerId == id && h.Action == ArchiveVerification.VerifiedAction, Ct)).Note.ShouldBe("电话核实地址无变化");
        SnackbarMessages().ShouldContain("已核定 1 份档案");
    }

    [Fact]
    public async Task BulkVerifying_TheTickedRows_AsksFirstNamingTheCount_AndCancelVerifiesNothing()
    {
        await FileAsync("批量甲公司", 4);
        await FileAsync("批量乙公司", 3);
        await FileAsync("批量丙公司", 2);
        await SignInAsync("director");
        var page = Open();

        var boxes = page.FindAll("[data-testid=select-row]");
        InputOf(boxes[0]).Change(true);
        InputOf(page.FindAll("[data-testid=select-row]")[1]).Change(true);
        page.WaitForAssertion(() => page.Find("[data-testid=verify-selected]").TextContent.ShouldContain("核定选中的 2 份"), Wait);

        _ = page.Find("[data-testid=verify-selected]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=verify-question]").TextContent.ShouldContain("选中的 2 份客户档案"), Wait);
        Host.Find("[data-testid=verify-confirm]").TextContent.ShouldContain("确认核定 2 份");
        Host.Find("[data-testid=verify-cancel]").Click();
        Host.WaitForAssertion(() => Host.FindAll("[data-testid=verify-dialog]").ShouldBeEmpty(), Wait);
        (await VerifiedAtAsync()).ShouldAllBe(v => v == null);

        _ = page.Find("[data-testid=verify-selected]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=verify-confirm]"), Wait);
        await Host.Find("[data-testid=verify-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=customer-link]").ShouldHaveSingleItem().TextContent.Trim().ShouldBe("批量丙公司"), Wait);
        (await VerifiedAtAsync()).Count(v => v != null).ShouldBe(2);
    }
}
