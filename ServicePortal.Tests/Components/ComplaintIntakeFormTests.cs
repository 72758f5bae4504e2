using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Components;

/// <summary>The intake form refuses what the rules refuse, next to the field, and saves nothing then.</summary>
public sealed class ComplaintIntakeFormTests : PortalComponentTest
{
    private async Task<IntakeFormDriver> OpenFormAsync()
    {
        await SignInAsync("clerk");
        var form = RenderWithProviders<NewComplaint>();
        form.WaitForElement("[data-testid=save-complaint]");
        return new IntakeFormDriver(this, form);
    }

    private async Task<int> ComplaintCountAsync()
    {
        await using var db = Domain.NewDb();
        return await db.Complaints.CountAsync(Ct);
    }

    [Fact]
    public async Task Save_WithEmptyForm_ShowsEachRequiredMessageNextToItsField_AndSavesNothing()
    {
        var form = await OpenFormAsync();

        form.Save();

        form.Form.WaitForAssertion(() => form.ErrorNextTo("customer-name").ShouldBe("请输入客户姓名"));
        form.ErrorNextTo("customer-phone").ShouldBe("请输入联系电话");
        form.ErrorNextTo("channel").ShouldBe("请选择投诉渠道");
        form.ErrorNextTo("content").ShouldBe("请输入投诉内容");
        form.ErrorNextTo("customer-request").ShouldBe("请输入客户要求");
        form.ErrorNextTo("category").ShouldBe("请选择投诉类别");
        form.ErrorNextTo("severity").ShouldBe("请选择严重程度");
        form.ErrorNextTo("customer-address").ShouldBeNull();
        form.IsMarkedInvalid("customer-name").ShouldBeTrue();
        form.IsMarkedInvalid("customer-address").ShouldBeFalse();
        (await ComplaintCountAsync()).ShouldBe(0);
        SnackbarMessages().ShouldContain("输入有误，请按提示修改后再保存。");
    }

    [Fact]
    public async Task Save_WithInvalidPhone_ShowsThePhoneFormatMessage_AndSavesNothing()
    {
        var form = await OpenFormAsync();
        form.FillValid().Type("customer-phone", "12345");

        form.Save();

        form.ErrorNextTo("customer-phone").ShouldNotBeNull().ShouldStartWith("电话号码格式不正确");
        (await ComplaintCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Phone_WhenInvalid_IsFlaggedAsSoonAsItIsEntered_BeforeSaving()
    {
        var form = await OpenFormAsync();

        form.Type("customer-phone", "010-123");

        form.ErrorNextTo("customer-phone").ShouldNotBeNull().ShouldStartWith("电话号码格式不正确");
        form.ErrorNextTo("customer-name").ShouldBeNull(); // untouched fields stay quiet until Save
        form.Type("customer-phone", "010-12345678");
        form.ErrorNextTo("customer-phone").ShouldBeNull();
    }

    [Fact]
    public async Task Save_WithContentOver2000Characters_IsRefused()
    {
        var form = await OpenFormAsync();
        form.FillValid(content: new string('漏', 2001));

        form.Save();

        form.ErrorNextTo("content").ShouldBe("投诉内容不能超过 2000 个字（当前 2001 个）");
        (await ComplaintCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Save_WithContentOfExactly2000Characters_IsAccepted()
    {
        var form = await OpenFormAsync();
        form.FillValid(content: new string('漏', 2000));

        form.Save();

        form.Form.WaitForAssertion(() => form.ErrorNextTo("content").ShouldBeNull());
        (await ComplaintCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Save_WithFutureReceivedTime_IsRefused()
    {
        var form = await OpenFormAsync();
        form.FillValid().Type("received-at", "2026-11-24T10:30"); // now is 10:00 Beijing time

        form.Save();

        form.ErrorNextTo("received-at").ShouldBe("受理时间不能晚于当前时间");
        (await ComplaintCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Save_WithEarlierReceivedTime_RecordsThatTime()
    {
        var form = await OpenFormAsync();
        form.FillValid().Type("received-at", "2026-11-23T16:05");

        form.Save();

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("投诉已登记：TS2611001"));
        var saved = await Domain.Get<ComplaintService>().GetAsync("TS2611001", Ct);
        saved.ShouldNotBeNull().ReceivedAt.ShouldBe(new DateTime(2026, 11, 23, 8, 5, 0, DateTimeKind.Utc));
        saved.PromisedReplyAt.ShouldBe(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc)); // 17:30 that day
    }

    [Fact]
    public async Task Save_WithPromisedTimeBeforeReceived_IsRefused()
    {
        var form = await OpenFormAsync();
        form.FillValid().Type("received-at", "2026-11-24T09:00").Type("promised-reply-at", "2026-11-24T08:00");

        form.Save();

        form.ErrorNextTo("promised-reply-at").ShouldBe("承诺答复时间必须晚于受理时间");
        (await ComplaintCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task PromisedTime_FollowsReceivedTime_UntilTheUserSetsIt()
    {
        var form = await OpenFormAsync();
        form.Field("received-at").GetAttribute("value").ShouldBe("2026-11-24T10:00");
        form.Field("promised-reply-at").GetAttribute("value").ShouldBe("2026-11-24T17:30");

        form.Type("received-at", "2026-11-20T18:10"); // a Friday after hours → next working day, Monday
        form.Field("promised-reply-at").GetAttribute("value").ShouldBe("2026-11-23T17:30");

        form.Type("promised-reply-at", "2026-11-21T12:00");
        form.Type("received-at", "2026-11-20T09:00");
        form.Field("promised-reply-at").GetAttribute("value").ShouldBe("2026-11-21T12:00");
    }

    [Fact]
    public async Task Save_WhenClickedTwiceQuickly_SavesExactlyOneComplaint_AndOpensIt()
    {
        var form = await OpenFormAsync();
        form.FillValid();
        var button = form.Field("save-complaint");

        var first = button.ClickAsync(new());
        var second = button.ClickAsync(new());
        await Task.WhenAll(first, second);

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("投诉已登记：TS2611001"));
        (await ComplaintCountAsync()).ShouldBe(1);
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/complaints/TS2611001");
        form.Field("save-complaint").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Save_WithValidForm_RecordsEveryFieldAndTheClerkAsOwner()
    {
        var form = await OpenFormAsync();
        form.Field("complaint-owner").GetAttribute("value").ShouldBe("张晓梅（客服部）");
        form.FillValid();
        form.Field("foreign-customer").Change(true);

        form.Save();

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("投诉已登记：TS2611001"));
        var saved = (await Domain.Get<ComplaintService>().GetAsync("TS2611001", Ct)).ShouldNotBeNull();
        saved.CustomerName.ShouldBe("王建国");
        saved.CustomerPhone.ShouldBe("13812345678");
        saved.CustomerAddress.ShouldBe("北京市朝阳区建国路 88 号");
        saved.ForeignCustomer.ShouldBeTrue();
        saved.Channel.ShouldBe(ComplaintChannel.Phone);
        saved.Category.ShouldBe("维修质量");
        saved.Severity.ShouldBe(ComplaintSeverity.Major);
        saved.CustomerRequest.ShouldBe("尽快上门修好并赔偿地板损失");
        saved.Owner.Name.ShouldBe("张晓梅");
        saved.ReceivedAt.ShouldBe(new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Save_WhenTheDomainRefusesAField_ShowsItsMessageThere_AndKeepsWhatWasTyped()
    {
        var form = await OpenFormAsync();
        form.FillValid();
        // Someone retires the category after the form was opened: only the domain knows.
        await using (var db = Domain.NewDb())
        {
            await db.ComplaintCategories.Where(c => c.Name == "维修质量").ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false), Ct);
        }

        form.Save();

        form.Form.WaitForAssertion(() => form.ErrorNextTo("category").ShouldBe("投诉类别“维修质量”不存在，请从列表中选择"));
        (await ComplaintCountAsync()).ShouldBe(0);
        form.Field("customer-name").GetAttribute("value").ShouldBe("王建国");
        form.Field("content").GetAttribute("value").ShouldBe("空调维修后仍然漏水，师傅说下周再来但一直没有消息。");
        form.Field("save-complaint").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Content_WithMarkupOrFormula_IsSavedExactlyAsTyped()
    {
        var form = await OpenFormAsync();
        form.FillValid(content: "<script>alert(1)</script>").Type("customer-request", "=1+1");

        form.Save();

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("投诉已登记：TS2611001"));
        var saved = (await Domain.Get<ComplaintService>().GetAsync("TS2611001", Ct)).ShouldNotBeNull();
        saved.Content.ShouldBe("<script>alert(1)</script>");
        saved.CustomerRequest.ShouldBe("=1+1");
    }
}
