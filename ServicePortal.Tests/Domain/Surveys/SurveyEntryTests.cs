using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Surveys;

/// <summary>SPEC S-2: entering paper questionnaires — whole or nothing, double submit, duplicate warning, live feed.</summary>
public class SurveyEntryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDefaultTemplate_HasTenItemsWithTheScaleAndDepartments()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);

        t.Version.Name.ShouldBe("客户满意度调查表");
        t.Version.Items.Select(i => i.Text).ShouldBe(["维修服务", "维修及时性", "前台接待", "电话咨询", "投诉处理", "回访服务", "工程安装", "产品质量", "保洁绿化", "治安管理"]);
        t.Version.Items[0].DepartmentName.ShouldBe("维修部");
        t.Version.Items[9].DepartmentId.ShouldBeNull();
        SurveyScale.Labels.ShouldBe(["非常不满意", "不满意", "一般", "满意", "非常满意"]);
    }

    [Fact]
    public async Task AQuestionnaire_IsSaved_WithItsScoresBlanksLinksAndClerk_AndPublished()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        var published = new List<SurveyEntered>();
        using var _ = f.Get<IChangeFeed<SurveyEntered>>().Subscribe(e => { lock (published) published.Add(e); return Task.CompletedTask; });

        var saved = await t.EnterAsync(t.Input(5, 4, 3, 2, 1, 5, 4, 4, null, null) with { Comments = " 很好 ", Project = "消防改造" });

        saved.Repeated.ShouldBeFalse();
        var detail = (await t.Surveys.GetAsync(saved.Id, Ct))!;
        detail.Answers.Select(a => a.Score).ShouldBe([5, 4, 3, 2, 1, 5, 4, 4, null, null]);
        detail.Answers[1].Label.ShouldBe("满意");
        detail.Answers[9].Label.ShouldBe("");
        detail.Comments.ShouldBe("很好");
        detail.Project.ShouldBe("消防改造");
        detail.ClerkName.ShouldBe("张晓梅");
        detail.CustomerName.ShouldBe("王建国");
        await Task.Delay(200, Ct);
        lock (published) published.ShouldHaveSingleItem().Id.ShouldBe(saved.Id);
    }

    [Fact]
    public async Task BadFields_GetAChineseMessageEach_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        var input = t.Input(6, 0, 3) with
        {
            CustomerId = 999,
            PaperDate = new DateOnly(2026, 11, 25),
            RepairNumber = "wx2611999",
            ComplaintNumber = "TS2611999",
        };

        var error = await Should.ThrowAsync<InputInvalidException>(() => t.EnterAsync(input));

        error.Errors["customerId"][0].ShouldStartWith("客户 999 不存在");
        error.Errors["paperDate"].ShouldBe(["问卷日期不能晚于今天（2026-11-24）"]);
        error.Errors["scores[0]"].ShouldBe(["第 1 项“维修服务”的评分须为 1–5（1 非常不满意 … 5 非常满意），不能是 6"]);
        error.Errors["scores[1]"][0].ShouldContain("不能是 0");
        error.Errors["repairNumber"][0].ShouldStartWith("维修单 WX2611999 不存在");
        error.Errors["complaintNumber"][0].ShouldStartWith("投诉单 TS2611999 不存在");
        error.Message.ShouldStartWith("问卷未保存：");
        (await t.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnAllBlankPaper_IsRefused_ButBlankItemsAreAllowed()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);

        var error = await Should.ThrowAsync<InputInvalidException>(() => t.EnterAsync(t.Input(null, null)));
        error.Errors["scores"][0].ShouldStartWith("请至少为一项评分");
        (await t.CountAsync()).ShouldBe(0);

        var saved = await t.EnterAsync(t.Input(null, null, 4));
        (await t.Surveys.GetAsync(saved.Id, Ct))!.Answers.Count(a => a.Score is not null).ShouldBe(1);
    }

    [Fact]
    public async Task MissingCustomerTemplateAndDate_AreNamed()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);

        var error = await Should.ThrowAsync<InputInvalidException>(() =>
            t.EnterAsync(new SurveyInput { FormToken = "x" }));

        error.Errors.Keys.Order().ShouldBe(["customerId", "paperDate", "versionId"]);
        error.Errors["customerId"][0].ShouldStartWith("请选择客户");
        (await Should.ThrowAsync<InputInvalidException>(() => t.EnterAsync(t.Input(5) with { FormToken = " " }))).Errors.Keys.ShouldContain("formToken");
    }

    [Fact]
    public async Task TheSameFormSubmittedTwice_SavesOne()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        var input = t.Input(5, 5, 5);

        var results = await Task.WhenAll(t.EnterAsync(input), t.EnterAsync(input));

        results.Select(r => r.Id).Distinct().ShouldHaveSingleItem();
        results.Count(r => r.Repeated).ShouldBe(1);
        (await t.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ASecondQuestionnaireForTheSameCustomerTemplateAndMonth_IsWarned_UntilConfirmed()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        var first = await t.EnterAsync(t.Input(5) with { PaperDate = new DateOnly(2026, 11, 3) });

        var warning = await Should.ThrowAsync<DuplicateSurveyException>(() => t.EnterAsync(t.Input(4)));
        warning.Existing.ShouldBe([first.Id]);
        warning.Message.ShouldContain("客户“王建国”在 2026年11月 已有 1 份“客户满意度调查表”问卷（问卷日期 2026-11-03）");
        (await t.CountAsync()).ShouldBe(1);

        // Another month, or another customer, is no duplicate; confirming saves the second.
        await t.EnterAsync(t.Input(4) with { PaperDate = new DateOnly(2026, 10, 31) });
        await t.EnterAsync(t.Input(4) with { CustomerId = t.Li });
        await t.EnterAsync(t.Input(4), confirm: true);
        (await t.CountAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task LinksToAnExistingComplaintOrRepair_AreKept_Normalized()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        var cycle = await ServicePortal.Tests.Domain.Repairs.RepairCycle.CreateAsync(f);
        var repair = await cycle.RegisterAsync();

        var saved = await t.EnterAsync(t.Input(5) with { RepairNumber = " " + repair.Number.ToLowerInvariant() });

        (await t.Surveys.GetAsync(saved.Id, Ct))!.RepairNumber.ShouldBe(repair.Number);
    }

    [Fact]
    public async Task OnlyTheServiceDesk_EntersQuestionnaires()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        var staff = await f.UserAsync("staff");

        var error = await Should.ThrowAsync<NotPermittedException>(() => t.EnterAsync(t.Input(5), userId: staff.Id));

        error.Message.ShouldBe("只有客服内勤或客服中心主任或部门经理可以录入满意度问卷");
        (await t.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task TheList_IsNewestFirst_FilteredAndPaged()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        foreach (var day in new[] { 1, 15, 9 })
            await t.EnterAsync(t.Input(day % 5 + 1) with { PaperDate = new DateOnly(2026, 10, day) }, confirm: true);
        await t.EnterAsync(t.Input(2, 4) with { CustomerId = t.Li });

        var all = await t.Surveys.ListAsync(new SurveyListQuery(), Ct);
        all.Items.Select(i => i.PaperDate.Day).ShouldBe([20, 15, 9, 1]);
        all.Items[0].Mean.ShouldBe(3.0);
        all.Items[0].Scored.ShouldBe(2);
        (await t.Surveys.ListAsync(new SurveyListQuery(Customer: "139"), Ct)).TotalCount.ShouldBe(1);
        (await t.Surveys.ListAsync(new SurveyListQuery(Customer: "建国"), Ct)).TotalCount.ShouldBe(3);
        var page = await t.Surveys.ListAsync(new SurveyListQuery(From: new DateOnly(2026, 10, 1), To: new DateOnly(2026, 10, 31), Page: 1, PageSize: 2), Ct);
        (page.TotalCount, page.Items.Single().PaperDate.Day).ShouldBe((3, 1));
    }
}
