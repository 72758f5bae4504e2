using Bunit;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Components;

/// <summary>The step dialogs: refusals in Chinese, nothing typed is lost, a stale version is caught.</summary>
public sealed class CaseDialogTests : CasePageTest
{
    [Fact]
    public async Task Judge_NotValidWithoutExplanation_ShowsTheDomainsMessage_AndKeepsTheReason()
    {
        var n = await Cycle.RegisterAsync();
        await OpenAsync(n, "head");
        OpenDialog("judge");

        Field("field-valid-false").Click();
        Field("field-reason").Change("属于正常收费");
        Submit();

        Host.WaitForAssertion(() => Field("dialog-error").TextContent.ShouldContain("请填写书面解释"));
        Field("field-reason").GetAttribute("value").ShouldBe("属于正常收费");
        (await Cycle.StatusAsync(n)).ShouldBe(ComplaintStatus.Registered);
    }

    [Fact]
    public async Task Judge_Valid_ClosesTheDialog_SaysSo_AndShowsTheNextStep()
    {
        var n = await Cycle.RegisterAsync();
        await OpenAsync(n, "head");
        OpenDialog("judge");

        Field("field-reason").Change("维修人员确未说明收费标准");
        Submit();

        Page.WaitForAssertion(() => Field("complaint-status").TextContent.Trim().ShouldBe("待分派"));
        Host.FindAll("[data-testid=dialog-judge]").ShouldBeEmpty();
        SnackbarMessages().ShouldContain("已完成：判定");
        ActionButtons().ShouldBe(["assign"]);
    }

    [Fact]
    public async Task StaleVersion_SaysChangedBySomeoneElse_KeepsTheText_AndSubmitsAfterARefresh()
    {
        var n = await Cycle.RegisterAsync();
        await OpenAsync(n, "head");
        OpenDialog("judge");
        Field("field-reason").Change("维修人员确未说明收费标准");

        // Meanwhile the owner asks for more time: the case moves on to a new version.
        var due = (await Cycle.LoadAsync(n)).CloseDue!.Value;
        await Cycle.Flow.RequestExtensionAsync(n, Cycle.Id("clerk"), null, "等待厂家检测", new DateTimeOffset(due.AddDays(5), TimeSpan.Zero), Ct);
        Submit();

        Host.WaitForAssertion(() => Field("dialog-error").TextContent.ShouldContain("已被他人修改，请刷新后重试"));
        Field("field-reason").GetAttribute("value").ShouldBe("维修人员确未说明收费标准");
        (await Cycle.StatusAsync(n)).ShouldBe(ComplaintStatus.Registered);

        _ = Field("dialog-refresh").ClickAsync(new());
        Host.WaitForAssertion(() => Field("dialog-info").TextContent.ShouldContain("已刷新"));
        Submit();

        Page.WaitForAssertion(() => Field("complaint-status").TextContent.Trim().ShouldBe("待分派"));
        (await Cycle.LoadAsync(n)).JudgementReason.ShouldBe("维修人员确未说明收费标准");
    }

    [Fact]
    public async Task Propose_ShowsTheRunningTotalAndTheApprovalItWillNeed()
    {
        var n = await Cycle.NewCaseAtAsync(ComplaintStatus.Investigated);
        await OpenAsync(n, "staff");
        OpenDialog("propose");

        Field("field-item-amount-0").Input("3000");
        Field("field-item-description-0").Change("赔偿地板损失");

        Host.WaitForAssertion(() => Field("proposal-total").TextContent.ShouldContain("合计 ¥3000.00：部门经理审批"));
        Submit();
        Page.WaitForAssertion(() => Field("complaint-status").TextContent.Trim().ShouldBe("待审批"));
    }
}
