using AngleSharp.Dom;
using Bunit;
using ServicePortal.Components.Pages.Repairs;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components;

/// <summary>The order page (/repairs/{number}): the buttons each role may use at each stage, step dialogs, read-only when done, live.</summary>
public sealed class RepairOrderPageTests : PortalComponentTest
{
    private RepairCycle Cycle { get; set; } = null!;
    private IRenderedComponent<RepairDetails> Page { get; set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Cycle = await RepairCycle.CreateAsync(Domain);
    }

    private async Task<string> OrderAtAsync(RepairStage stage, Action<RepairRequest>? change = null)
    {
        var order = await Cycle.RegisterAsync(RepairCycle.Request(change));
        await Cycle.WalkToAsync(order.Number, stage);
        return order.Number;
    }

    private async Task OpenAsync(string number, string userName)
    {
        await SignInAsync(userName);
        Page = RenderWithProviders<RepairDetails>(p => p.Add(x => x.Number, number));
        Page.WaitForAssertion(() => Page.Find("[data-testid=repair-stage]"));
    }

    private IElement Field(string testId) => Host.Find($"[data-testid={testId}]");

    private IReadOnlyList<string> ActionButtons() =>
        Page.FindAll("[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!["action-".Length..]).ToList();

    private void OpenDialog(string action)
    {
        _ = Page.Find($"[data-testid=action-{action}]").ClickAsync(new());
        Host.WaitForAssertion(() => Field($"dialog-{action}"));
    }

    private void Submit() => _ = Field("dialog-submit").ClickAsync(new());

    [Theory]
    [InlineData(RepairStage.ToDispatch, "head", new[] { "dispatch" })]
    [InlineData(RepairStage.ToDispatch, "clerk", new string[0])]
    [InlineData(RepairStage.Dispatched, "staff", new[] { "book" })]
    [InlineData(RepairStage.Booked, "staff", new[] { "miss", "quote" })]
    [InlineData(RepairStage.Booked, "head", new[] { "dispatch", "miss" })]
    [InlineData(RepairStage.QuotePending, "head", new[] { "approve-quote", "reject-quote" })]
    [InlineData(RepairStage.QuotePending, "staff", new string[0])]
    [InlineData(RepairStage.QuoteApproved, "clerk", new[] { "accept", "decline" })]
    [InlineData(RepairStage.InRepair, "staff", new[] { "complete" })]
    [InlineData(RepairStage.Completed, "staff", new[] { "feedback-slip", "correct" })]
    [InlineData(RepairStage.SlipSubmitted, "head", new[] { "review", "correct" })]
    public async Task ShowsOneButtonPerStepTheUserMayTakeNow(RepairStage stage, string userName, string[] expected)
    {
        var number = await OrderAtAsync(stage);

        await OpenAsync(number, userName);

        ActionButtons().ShouldBe(expected);
        if (expected.Length == 0) Field("no-actions").TextContent.ShouldBe("您当前没有可执行的操作");
    }

    [Fact]
    public async Task ShowsTheRequest_TheClerkWhoRegisteredIt_AndTheStageInTheUsersLanguage()
    {
        var number = await OrderAtAsync(RepairStage.ToDispatch);

        await OpenAsync(number, "head");

        Field("repair-stage").TextContent.Trim().ShouldBe("待派工");
        Field("next-step").TextContent.ShouldBe("下一步：待部门经理派工给维修人员");
        Field("repair-clerk").TextContent.ShouldBe("张晓梅");
        Field("repair-model").TextContent.ShouldBe("JB-QB-5000");
        Field("repair-warranty").TextContent.Trim().ShouldBe("保修期内");
        Field("print-slip").GetAttribute("href").ShouldBe($"/api/repairs/{number}/slip.pdf");
        Host.FindAll("[data-testid=print-feedback-slip]").ShouldBeEmpty();
        Page.FindAll("[data-testid=history-entry]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_PicksATechnicianAmongStaff_AndThePageMovesOn()
    {
        var number = await OrderAtAsync(RepairStage.ToDispatch);
        await OpenAsync(number, "head");
        OpenDialog("dispatch");

        Submit();
        Host.WaitForAssertion(() => Field("dialog-error").TextContent.ShouldBe("请选择维修人员"));

        Field("field-technician").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("刘师傅")).Click();
        Submit();

        Page.WaitForAssertion(() => Field("repair-stage").TextContent.Trim().ShouldBe("待预约"));
        Field("repair-technician").TextContent.ShouldBe("刘师傅");
        SnackbarMessages().ShouldContain("已完成：派工");
        ActionButtons().ShouldBe(["dispatch", "book"]); // the head may dispatch again, or book for the technician
    }

    [Fact]
    public async Task Quote_TotalsTheScheduleLinesLive_FreeInWarranty_UnlessNotAProductFault()
    {
        var number = await OrderAtAsync(RepairStage.Booked);
        await OpenAsync(number, "staff");
        OpenDialog("quote");
        Field("field-fault-cause").Change("主板电容老化");
        Field("field-plan").Change("更换主板");

        Field("field-line-item-0").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.StartsWith("主板", StringComparison.Ordinal)).Click();
        Field("field-line-qty-0").Input("2");

        Host.WaitForAssertion(() => Field("quote-total").TextContent.ShouldBe("合计 ¥0.00"));
        Field("warranty-free").ShouldNotBeNull();

        Field("field-not-product-fault").Change(true);
        Host.WaitForAssertion(() => Field("quote-total").TextContent.ShouldBe("合计 ¥1360.00"));
        Field("line-amount-0").TextContent.ShouldBe("¥1360.00");
        Submit();

        Page.WaitForAssertion(() => Field("repair-stage").TextContent.Trim().ShouldBe("报价待审批"));
        var quote = (await Cycle.GetAsync(number)).Quotes.ShouldHaveSingleItem();
        quote.Total.ShouldBe(1360m);
        quote.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(2m);
        Page.Find("[data-testid=quote-total]").TextContent.ShouldBe("¥1360.00");
    }

    [Fact]
    public async Task Miss_WithoutAReason_IsRefusedInChinese_AndTheTextIsKept()
    {
        var number = await OrderAtAsync(RepairStage.Booked);
        await OpenAsync(number, "staff");
        OpenDialog("miss");

        Submit();

        Host.WaitForAssertion(() => Field("dialog-error").TextContent.ShouldBe("请填写爽约原因"));
        (await Cycle.GetAsync(number)).Stage.ShouldBe(RepairStage.Booked);
    }

    [Fact]
    public async Task ReviewedOrder_IsReadOnly_WithOnlyACorrection_AndPrintsTheFeedbackSlip()
    {
        var number = await OrderAtAsync(RepairStage.Reviewed);

        await OpenAsync(number, "head");

        ActionButtons().ShouldBe(["correct"]);
        Field("read-only").TextContent.ShouldContain("只读");
        Host.FindAll("[data-testid=next-step]").ShouldBeEmpty();
        Field("print-feedback-slip").GetAttribute("href").ShouldBe($"/api/repairs/{number}/feedback-slip.pdf");
        Field("repair-part").TextContent.ShouldBe("主板：MB-OLD-1 → MB-NEW-1");
        Page.FindAll("[data-testid=revisit-task]").Count.ShouldBe(1);

        OpenDialog("correct");
        Field("field-note").Change("客户签字应为王建国本人");
        Submit();
        Page.WaitForAssertion(() => Page.FindAll("[data-testid=history-entry]")[^1].TextContent.ShouldContain("客户签字应为王建国本人"));
        Field("repair-stage").TextContent.Trim().ShouldBe("已审核");
    }

    [Fact]
    public async Task DeclinedOrder_SaysThereWillBeNoRevisit_AndTheAddressSaysOutOfTownOnce()
    {
        var number = await OrderAtAsync(RepairStage.QuoteApproved, q => q.IsRemote = true);
        await Cycle.Repairs.DeclineAsync(number, Cycle.Id("clerk"), null, "客户自行联系其他维修单位", Ct);

        await OpenAsync(number, "head");

        Field("no-revisit").TextContent.ShouldBe("维修单已关闭，不做回访");
        Field("not-completed").TextContent.ShouldBe("未维修：客户拒绝报价，维修单已关闭");
        Field("repair-address").TextContent.ShouldBe("沈阳市和平区南京北街 1 号（外地客户）");
    }

    [Theory]
    [InlineData(true, "非产品质量问题（保修期内照常收费）")]
    [InlineData(false, "非产品质量问题")]
    public async Task NotAProductFault_SaysChargedInWarranty_OnlyOnAnOrderInWarranty(bool inWarranty, string expected)
    {
        // Bought 2026-03-15 (in warranty on 2026-11-24) or three years earlier (out).
        var number = await OrderAtAsync(RepairStage.Booked, q => q.PurchaseDate = inWarranty ? new DateOnly(2026, 3, 15) : new DateOnly(2023, 3, 15));
        await Cycle.Repairs.QuoteAsync(number, Cycle.Id("staff"), null, Cycle.Quote(notProductFault: true), Ct);

        await OpenAsync(number, "head");

        Field("repair-warranty").TextContent.Trim().ShouldBe(inWarranty ? "保修期内" : "已过保");
        Field("quote-not-product-fault").TextContent.ShouldBe(expected);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RepeatOrder_LinksToTheEarlierOrderAndItsTechnician_AndTheEarlierOrderLinksBack(bool openTheRepeat)
    {
        var earlier = await OrderAtAsync(RepairStage.Completed);
        var repeat = (await Cycle.RegisterAsync()).Number;

        await OpenAsync(openTheRepeat ? repeat : earlier, "clerk");

        if (openTheRepeat)
        {
            Field("repair-repeat").TextContent.ShouldContain(earlier);
            Field("repair-repeat-of").TextContent.ShouldContain("刘师傅");
            Field("repair-repeat-of").QuerySelector("a")!.GetAttribute("href").ShouldBe($"/repairs/{earlier}");
        }
        else
        {
            Field("repair-repeated-by").QuerySelector("a")!.GetAttribute("href").ShouldBe($"/repairs/{repeat}");
            Host.FindAll("[data-testid=repair-repeat]").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task UpdatesLive_WhenAnotherUserTakesAStep()
    {
        var number = await OrderAtAsync(RepairStage.ToDispatch);
        await OpenAsync(number, "clerk");

        await Cycle.Repairs.DispatchAsync(number, Cycle.Id("head"), null, Cycle.Id("staff"), Ct);

        Page.WaitForAssertion(() => Field("repair-stage").TextContent.Trim().ShouldBe("待预约"), TimeSpan.FromSeconds(5));
        Field("repair-technician").TextContent.ShouldBe("刘师傅");
    }
}
