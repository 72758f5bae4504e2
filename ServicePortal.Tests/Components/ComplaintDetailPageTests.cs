using Bunit;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The detail page shows every field and the history, and user text exactly as typed.</summary>
public sealed class ComplaintDetailPageTests : PortalComponentTest
{
    private IRenderedComponent<ComplaintDetails> Open(string number)
    {
        var page = RenderWithProviders<ComplaintDetails>(p => p.Add(x => x.Number, number));
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"));
        return page;
    }

    [Fact]
    public async Task Content_WithScriptTag_IsShownAsTextNotRunAsMarkup()
    {
        await SignInAsync("exec");
        await Domain.RegisterAsync(new ComplaintInputBuilder()
            .WithContent("<script>alert(1)</script>\n第二行 <b>不加粗</b>")
            .With(i => i.CustomerRequest = "=1+1").Build());

        var page = Open("TS2611001");

        var content = page.Find("[data-testid=complaint-content]");
        content.TextContent.ShouldBe("<script>alert(1)</script>\n第二行 <b>不加粗</b>");
        content.QuerySelectorAll("script, b").ShouldBeEmpty();
        content.ClassList.ShouldContain("preserve-text");
        page.Find("[data-testid=complaint-request]").TextContent.ShouldBe("=1+1");
    }

    [Fact]
    public async Task Detail_ShowsEveryFieldOfTheComplaint()
    {
        await SignInAsync("clerk"); // staff would not see it: another department's case, not assigned (ReadScopePageTests)
        await Domain.RegisterAsync(new ComplaintInputBuilder()
            .WithCustomer("陈美玲", "0755-12345678")
            .WithChannel(ComplaintChannel.Visit).WithCategory("收费").WithSeverity(ComplaintSeverity.Urgent)
            .ReceivedAt(ComplaintTesting.Beijing(2026, 11, 24, 9, 15))
            .PromisedReplyAt(ComplaintTesting.Beijing(2026, 11, 25, 12, 0))
            .With(i => i.ForeignCustomer = true).Build());

        var page = Open("TS2611001");

        string Text(string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();
        Text("complaint-number").ShouldBe("TS2611001");
        Text("complaint-status").ShouldBe("已受理");
        Text("complaint-severity").ShouldBe("紧急");
        Text("complaint-customer").ShouldBe("陈美玲");
        Text("complaint-phone").ShouldBe("0755-12345678");
        Text("complaint-address").ShouldBe("北京市朝阳区建国路 88 号");
        Text("complaint-foreign").ShouldBe("是");
        Text("complaint-channel").ShouldBe("来访");
        Text("complaint-category").ShouldBe("收费");
        Text("complaint-received").ShouldBe("2026-11-24 09:15");
        Text("complaint-promised").ShouldBe("2026-11-25 12:00");
        Text("complaint-owner").ShouldBe("张晓梅");
        Text("complaint-owner-department").ShouldBe("客服部");
        Text("complaint-responsible").ShouldBe("尚未分派");
    }

    [Fact]
    public async Task History_IsShownAsATimelineWithWhoWhenWhatAndNote()
    {
        await SignInAsync("clerk");
        await Domain.RegisterAsync(new ComplaintInputBuilder().Build());

        var page = Open("TS2611001");

        var timeline = page.Find("[data-testid=history-timeline]");
        var entry = timeline.QuerySelector("[data-testid=history-entry]").ShouldNotBeNull();
        entry.TextContent.ShouldContain("受理");
        entry.TextContent.ShouldContain("张晓梅");
        entry.TextContent.ShouldContain("2026-11-24 10:00");
        entry.TextContent.ShouldContain("受理投诉：电话，一般");
    }

    [Fact]
    public async Task UnknownNumber_ShowsAFriendlyMessage()
    {
        await SignInAsync("clerk");

        var page = Open("TS2611999");

        page.Find("[data-testid=complaint-not-found]").TextContent.ShouldContain("找不到投诉“TS2611999”");
        page.FindAll("[data-testid=complaint-number]").ShouldBeEmpty();
    }
}
