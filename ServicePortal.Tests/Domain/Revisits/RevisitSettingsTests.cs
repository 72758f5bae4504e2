using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>The revisit settings: defaults from seed 001, Admin and Director only, every bad value refused in Chinese.</summary>
public class RevisitSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Defaults_AreNoonAndNight_ThreeAttempts_TwoWorkingDays_AndAQuestionListPerKind()
    {
        await using var f = await DomainFixture.CreateAsync();

        var s = await f.Get<RevisitTasks>().SettingsAsync(Ct);

        s.QuietPeriods.Select(p => p.ToString()).ShouldBe(["12:00–14:00", "21:00–次日 08:00"]);
        s.MaxAttempts.ShouldBe(3);
        s.ComplaintRevisitWorkingDays.ShouldBe(2);
        s.Questions.Keys.Order().ShouldBe(Enum.GetValues<RevisitKind>());
        s.Questions.Values.ShouldAllBe(q => q.Count > 0);
    }

    [Fact]
    public async Task AdminAndDirector_MaySave_OthersMayNot()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RevisitDesk.CreateAsync(f);
        var input = (await d.Revisits.SettingsAsync(Ct)).ToInput() with { MaxAttempts = 5 };

        (await Should.ThrowAsync<NotPermittedException>(() => d.Revisits.SaveSettingsAsync(d.Id("clerk"), input, Ct))).Message.ShouldBe("只有系统管理员或客服中心主任可以修改回访设置");
        await d.Revisits.SaveSettingsAsync(d.Id("admin"), input, Ct);
        await d.Revisits.SaveSettingsAsync(d.Id("director"), input with
        {
            Questions = new Dictionary<RevisitKind, IReadOnlyList<string>>(input.Questions) { [RevisitKind.AfterRepair] = [" 设备是否正常？ "] },
        }, Ct);

        var saved = await d.Revisits.SettingsAsync(Ct);
        saved.MaxAttempts.ShouldBe(5);
        saved.QuestionsFor(RevisitKind.AfterRepair).ShouldBe(["设备是否正常？"]);
        saved.UpdatedByName.ShouldBe("赵主任");
    }

    [Fact]
    public async Task BadSettings_AreRefusedWithChineseMessages_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RevisitDesk.CreateAsync(f);
        var good = (await d.Revisits.SettingsAsync(Ct)).ToInput();
        var bad = good with
        {
            MaxAttempts = 0,
            ComplaintRevisitWorkingDays = 16,
            QuietPeriods = [new QuietPeriod(new(12, 0), new(12, 0))],
            Questions = new Dictionary<RevisitKind, IReadOnlyList<string>>(good.Questions)
            {
                [RevisitKind.AfterComplaint] = [],
                [RevisitKind.RoutineWarranty] = ["问题一", "问题一", " "],
            },
        };

        var errors = await RevisitDesk.ErrorsAsync(() => d.Revisits.SaveSettingsAsync(d.Id("director"), bad, Ct));

        errors["maxAttempts"].ShouldBe(["最多联系次数应为 1–10 次"]);
        errors["complaintRevisitWorkingDays"].ShouldBe(["投诉结案后回访的期限应为 1–15 个工作日"]);
        errors["quietPeriods"].ShouldBe(["免打扰时段的开始时间和结束时间不能相同"]);
        errors["questions.afterComplaint"].ShouldBe(["投诉回访至少要有一个回访问题"]);
        errors["questions.routineWarranty"].ShouldBe(["保修期客户例行回访的回访问题不能为空", "保修期客户例行回访的回访问题有重复"]);
        (await RevisitDesk.ErrorsAsync(() => d.Revisits.SaveSettingsAsync(d.Id("director"),
            good with { QuietPeriods = [new(new(8, 0), new(20, 0)), new(new(20, 0), new(8, 0))] }, Ct)))["quietPeriods"]
            .ShouldBe(["免打扰时段不能覆盖全天，否则无法安排回访"]);
        (await d.Revisits.SettingsAsync(Ct)).MaxAttempts.ShouldBe(3);
    }
}
