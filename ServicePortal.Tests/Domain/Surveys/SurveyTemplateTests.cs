using ServicePortal.Domain.Common;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Surveys;

/// <summary>SPEC S-1: the Admin's templates, versions that keep old answers' meaning, retire instead of delete.</summary>
public class SurveyTemplateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SurveyTemplateInput Template(string name = "工程回访问卷", params string[] items) =>
        new(name, "", [.. (items.Length == 0 ? ["安装质量", "施工文明"] : items).Select(i => new SurveyItemInput(i, null))]);

    [Fact]
    public async Task EditingAnAnsweredTemplate_MakesANewVersion_AndOldQuestionnairesKeepTheirItemsAndTexts()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var t = await SurveyTesting.CreateAsync(f);
        var old = await t.EnterAsync(t.Input(5, 4));
        var template = (await t.Templates.ListAsync(ct: Ct)).Single();

        var edited = await t.Templates.UpdateAsync(admin, template.Id,
            new SurveyTemplateInput("客户满意度调查表（2027版）", "", [new SurveyItemInput("维修服务", null), new SurveyItemInput("上门速度", null)]), Ct);

        edited.Versions.Count.ShouldBe(2);
        edited.Current.Number.ShouldBe(2);
        edited.Current.Items.Select(i => i.Text).ShouldBe(["维修服务", "上门速度"]);
        var detail = (await t.Surveys.GetAsync(old.Id, Ct))!;
        (detail.TemplateName, detail.Version).ShouldBe(("客户满意度调查表", 1));
        detail.Answers.Count.ShouldBe(10);
        detail.Answers[1].Text.ShouldBe("维修及时性");
        detail.Answers[1].Score.ShouldBe(4);
        edited.Versions.Single(v => v.Number == 1).Answered.ShouldBe(1);
    }

    [Fact]
    public async Task EditingAnUnansweredTemplate_CorrectsItInPlace()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var templates = f.Get<SurveyTemplateService>();
        var created = await templates.CreateAsync(admin, Template(), Ct);

        var edited = await templates.UpdateAsync(admin, created.Id, Template("工程回访问卷", "安装质量", "施工文明", "调试及时"), Ct);

        edited.Versions.ShouldHaveSingleItem().Number.ShouldBe(1);
        edited.Current.Id.ShouldBe(created.Current.Id);
        edited.Current.Items.Select(i => (i.Position, i.Text)).ShouldBe([(1, "安装质量"), (2, "施工文明"), (3, "调试及时")]);
    }

    [Fact]
    public async Task DeletingAUsedTemplate_RetiresIt_AndRetiredTemplatesTakeNoEntries()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var t = await SurveyTesting.CreateAsync(f);
        await t.EnterAsync(t.Input(5));
        var unused = await t.Templates.CreateAsync(admin, Template(), Ct);
        var used = (await t.Templates.ListAsync(ct: Ct)).Single(x => x.Name == "客户满意度调查表");

        (await t.Templates.DeleteAsync(admin, unused.Id, Ct)).ShouldBe(SurveyTemplateRemoval.Deleted);
        (await t.Templates.DeleteAsync(admin, used.Id, Ct)).ShouldBe(SurveyTemplateRemoval.Retired);

        (await t.Templates.GetAsync(unused.Id, Ct)).ShouldBeNull();
        (await t.Templates.GetAsync(used.Id, Ct))!.Retired.ShouldBeTrue();
        (await t.Templates.ListAsync(includeRetired: false, Ct)).ShouldBeEmpty();
        var error = await Should.ThrowAsync<InputInvalidException>(() => t.EnterAsync(t.Input(4) with { CustomerId = t.Li }));
        error.Errors["versionId"][0].ShouldContain("已停用");
        await Should.ThrowAsync<DomainException>(() => t.Templates.UpdateAsync(admin, used.Id, Template("X"), Ct));
        (await t.Templates.ReinstateAsync(admin, used.Id, Ct)).Retired.ShouldBeFalse();
    }

    [Fact]
    public async Task BadTemplates_GetAChineseMessagePerField_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var templates = f.Get<SurveyTemplateService>();

        var empty = await Should.ThrowAsync<InputInvalidException>(() => templates.CreateAsync(admin, new SurveyTemplateInput(" ", null, []), Ct));
        var items = await Should.ThrowAsync<InputInvalidException>(() => templates.CreateAsync(admin, 
            new SurveyTemplateInput("客户满意度调查表", null, [new SurveyItemInput("维修服务", 999), new SurveyItemInput(" ", null), new SurveyItemInput("维修服务", null)]), Ct));

        empty.Errors["name"].ShouldBe(["请填写问卷名称"]);
        empty.Errors["items"].ShouldBe(["请至少添加一个评分项"]);
        items.Errors["items[0].departmentId"].ShouldBe(["第 1 项所选的部门不存在"]);
        items.Errors["items[1].text"].ShouldBe(["请填写第 2 项的内容"]);
        items.Errors["items[2].text"].ShouldBe(["第 3 项“维修服务”与前面的项重复"]);
        (await Should.ThrowAsync<InputInvalidException>(() => templates.CreateAsync(admin, Template("客户满意度调查表"), Ct)))
            .Errors["name"].ShouldBe(["已有名为“客户满意度调查表”的问卷模板"]);
        (await templates.ListAsync(ct: Ct)).ShouldHaveSingleItem();
    }
}
