using Bunit;
using ServicePortal.Components.Pages.Revisits;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>
/// The spot-check page (/revisits/spot-check, V-5): the Director draws the last quarter after confirming,
/// sees the progress, marks a sampled revisit 不符 only with what differed, and finds it in the discrepancies.
/// </summary>
public sealed class SpotCheckPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly Quarter Q3 = new(2026, 3);

    /// <summary><paramref name="count"/> repair revisits completed by 张晓梅 in August 2026 (the third quarter; the page opens on it).</summary>
    private async Task AddDoneAsync(int count)
    {
        var clerk = await Domain.UserAsync("clerk");
        await using var db = Domain.NewDb();
        var done = new DateTime(2026, 8, 10, 2, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var c = new Customer { Name = $"客户{i}", Phone = "13812345678", CreatedAt = done.AddDays(-3) };
            db.Customers.Add(c);
            await db.SaveChangesAsync(Ct);
            var number = $"WX2608{100 + i}";
            var task = new RevisitTask(RevisitKind.AfterRepair, number, number, c.Id, c.Name, c.Phone, "维修回访", done.AddDays(-1), done.AddDays(-2));
            task.Close(new CaseActor(clerk.Id, clerk.DisplayName, Roles.Clerk, clerk.DepartmentId), "客户表示满意", done.AddHours(i));
            db.RevisitTasks.Add(task);
        }
        await db.SaveChangesAsync(Ct);
    }

    private IRenderedComponent<SpotCheckPage> Open()
    {
        var page = RenderWithProviders<SpotCheckPage>();
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear-indeterminate"), Wait);
        return page;
    }

    [Fact]
    public async Task TheDirector_DrawsTheLastQuarter_AfterConfirming()
    {
        await AddDoneAsync(6);
        await SignInAsync("director");
        var page = Open();

        page.Find("[data-testid=spot-undrawn]").TextContent.ShouldContain("2026 年第三季度已完成维修回访 6 个，按 20% 抽查（向上取整）应抽 2 个。");
        page.Find("[data-testid=spot-draw]").Click();
        Host.WaitForAssertion(() => Host.Find(".mud-message-box").TextContent.ShouldContain("每个季度只抽一次"), Wait);
        Host.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "抽样").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=spot-progress-text]").TextContent.ShouldBe("复核进度：0 / 2"), Wait);
        page.FindAll("[data-testid=spot-item]").Count.ShouldBe(2);
        page.FindAll("[data-testid=spot-confirm]").Count.ShouldBe(2);
        page.Find("[data-testid=spot-no-discrepancies]");
        (await Domain.Get<SpotChecks>().QuarterAsync(Q3, Ct)).Check!.SampleSize.ShouldBe(2);
    }

    [Fact]
    public async Task NotConfirmed_NeedsWhatDiffered_ThenIsListedAsADiscrepancy()
    {
        await AddDoneAsync(6);
        var director = await SignInAsync("director");
        await Domain.Get<SpotChecks>().DrawAsync(Q3, director.Id, ct: Ct);
        var page = Open();

        page.FindAll("[data-testid=spot-discrepancy]")[0].Click();
        Host.WaitForElement("[data-testid=dialog-spot-result]");
        Host.Find("[data-testid=dialog-submit]").Click();
        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-error]").TextContent.ShouldContain("请填写与原回访记录不符之处"), Wait);
        Host.Find("textarea[data-testid=field-note]").Change("客户说没有接到回访电话");
        Host.Find("[data-testid=dialog-submit]").Click();

        Host.WaitForAssertion(() => Host.FindAll("[data-testid=dialog-spot-result]").ShouldBeEmpty(), Wait);
        page.WaitForAssertion(() => page.Find("[data-testid=spot-progress-text]").TextContent.ShouldBe("复核进度：1 / 2"), Wait);
        page.Find("[data-testid=spot-discrepancy-item]").TextContent.ShouldContain("客户说没有接到回访电话");
        page.Find("[data-testid=spot-discrepancy-count]").TextContent.ShouldBe("不符 1");
        page.FindAll("[data-testid=spot-confirm]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task AClerk_DoesNotDraw()
    {
        await AddDoneAsync(6);
        await SignInAsync("clerk");

        var page = Open();

        page.FindAll("[data-testid=spot-draw]").ShouldBeEmpty();
        page.Find("[data-testid=spot-undrawn]").TextContent.ShouldContain("由客服中心主任抽样");
    }

    [Fact]
    public async Task AClerk_SeesTheSample_ButRecordsNoUnassignedItem()
    {
        await AddDoneAsync(6);
        var director = await Domain.UserAsync("director");
        await Domain.Get<SpotChecks>().DrawAsync(Q3, director.Id, ct: Ct);
        await SignInAsync("clerk");

        var page = Open();

        page.FindAll("[data-testid=spot-item]").Count.ShouldBe(2);
        page.FindAll("[data-testid=spot-confirm]").ShouldBeEmpty();
    }
}
