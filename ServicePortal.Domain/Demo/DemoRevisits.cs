using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// What the desk has done with a revisit task by now, as the real steps would (V-1 … V-4): a task not
/// yet worked lies on the pile or was taken by a clerk; a worked one was recorded (回访记录表 with the
/// kind's questions, satisfaction leaning to 满意, opinions, sometimes an issue answered on the spot or
/// owed a reply by an appointed time, handled later or still open), or closed as unreachable after the
/// maximum attempts. Calls are made outside quiet hours, except a few with the override's reason.
/// Most tasks are worked before they are due, some late, a few still open past due.
/// </summary>
internal sealed class DemoRevisits(DemoRandom r, IReadOnlyList<DemoPerson> clerks, PortalClock clock, DateTime nowLocal)
{
    private static readonly Weighted<int> Scores = new((1, 3), (2, 5), (3, 12), (4, 38), (5, 42));
    private static readonly Weighted<RevisitMethod> Methods = new((RevisitMethod.Phone, 86), (RevisitMethod.OnSite, 9), (RevisitMethod.Other, 5));
    private static readonly RevisitSettings Settings = new();

    private static readonly string[] GoodOpinions =
        ["服务态度很好，处理及时。", "师傅很专业，问题已经解决。", "对处理结果满意。", "整体满意，没有其他意见。", "响应速度快，感谢。", "说明清楚，很耐心。"];
    private static readonly string[] PoorOpinions =
        ["等待时间太长。", "问题虽然解决了，但来回跑了两次。", "上门前没有电话确认。", "收费解释得不够清楚。", "希望处理结果能书面说明。"];
    private static readonly string[] Suggestions =
        ["", "", "", "希望上门前提前电话确认。", "希望能留一个直接联系的电话。", "建议定期做设备巡检。", "希望处理进度能短信通知。"];
    private static readonly string[] GoodAnswers = ["是，已经正常", "满意", "已解决", "是", "没有问题"];
    private static readonly string[] PoorAnswers = ["一般", "基本解决", "还需要再看看", "不太满意"];
    private static readonly string[] IssueTexts =
        ["询问保修期还剩多久", "希望寄送一份维修报告", "询问配件价格", "设备偶尔还有误报，希望再检查一次", "希望安排培训如何操作主机", "询问年度维保合同"];
    private static readonly string[] SpotAnswers = ["已当场说明", "已在电话中解答", "已告知办理方式"];
    private static readonly string[] HandledNotes = ["已按约定回复客户", "已电话答复，客户认可", "已安排人员处理并回复客户"];
    private static readonly string[] AttemptNotes = ["电话无人接听", "电话占线", "客户称在开会，稍后再联系", "关机", "号码暂时无法接通"];
    private static readonly string[] QuietReasons = ["客户要求午休时间回电", "客户白天上班，约定晚上联系"];

    private DateTime NowUtc { get; } = clock.ToUtc(nowLocal);

    /// <summary>
    /// Works <paramref name="task"/> (open, just created) to where it would stand now; <paramref name="plannedCall"/> and
    /// <paramref name="plannedClerk"/>: when and by whom the case's plan had the call made (else drawn here).
    /// </summary>
    public void Work(RevisitTask task, DateTime? plannedCall = null, DemoPerson? plannedClerk = null)
    {
        var clerk = plannedClerk ?? r.Pick(clerks);
        var window = task.Due - task.CreatedAt;
        if (window < TimeSpan.FromHours(1)) window = TimeSpan.FromHours(1);
        var quietOverride = r.Chance(0.01);
        var call = plannedCall
            ?? (r.Chance(0.9) ? task.CreatedAt + (window * r.Between(0.2, 0.98)) : task.Due + TimeSpan.FromHours(r.Between(2.0, 40.0)));
        if (call < task.CreatedAt) call = task.CreatedAt + TimeSpan.FromMinutes(30);
        call = quietOverride ? InQuietHours(call) : OutOfQuietHours(call);
        if (r.Chance(0.03)) call = task.Due + TimeSpan.FromHours(r.Between(24.0, 60.0)); // slips: open past due for a day or two
        if (call > NowUtc)
        {
            var takenAt = Min(task.CreatedAt + TimeSpan.FromMinutes(r.Between(10, 300)), NowUtc);
            if (r.Chance(0.5)) task.Take(clerk.Actor, takenAt);
            // Some due by tomorrow were tried once already and not reached.
            var tried = OutOfQuietHours(takenAt + TimeSpan.FromMinutes(r.Between(5, 60)));
            if (task.Due < NowUtc + TimeSpan.FromDays(1) && tried < NowUtc && r.Chance(0.35))
                task.RecordAttempt(clerk.Actor, r.Pick(AttemptNotes), "", Settings.MaxAttempts, tried);
            return;
        }
        if (r.Chance(0.5)) task.Take(clerk.Actor, task.CreatedAt + ((call - task.CreatedAt) * r.Between(0.05, 0.5)));
        if (r.Chance(0.05))
        {
            // Not reached: an attempt a day until the maximum, then unreachable (if that is before now).
            for (var i = 0; i < Settings.MaxAttempts && task.Status == RevisitStatus.Open; i++)
            {
                var at = OutOfQuietHours(call + TimeSpan.FromDays(i));
                if (at > NowUtc) return;
                task.RecordAttempt(clerk.Actor, r.Pick(AttemptNotes), "", Settings.MaxAttempts, at);
            }
            return;
        }
        if (r.Chance(0.1))
        {
            task.RecordAttempt(clerk.Actor, r.Pick(AttemptNotes), "", Settings.MaxAttempts, call);
            call = OutOfQuietHours(call + TimeSpan.FromHours(r.Between(2.0, 20.0)));
            if (call > NowUtc) return;
        }
        var saved = call + TimeSpan.FromMinutes(r.Between(3, 15));
        if (saved > NowUtc) return;
        task.Record(clerk.Actor, Record(task, call, quietOverride ? r.Pick(QuietReasons) : ""), saved);
        if (task.Issues.Count == 1 && !task.Issues[0].IsHandled && task.Issues[0].ReplyDueAt is { } replyDue)
        {
            var handled = replyDue + TimeSpan.FromHours(r.Chance(0.85) ? -r.Between(1.0, 20.0) : r.Between(2.0, 48.0));
            if (handled < saved) handled = saved + TimeSpan.FromHours(1);
            if (handled <= NowUtc && r.Chance(0.9)) task.HandleIssue(clerk.Actor, 0, r.Pick(HandledNotes), handled);
        }
    }

    private ValidRecord Record(RevisitTask task, DateTime calledUtc, string quietReason)
    {
        var score = Scores.Pick(r);
        var good = score >= 4;
        var answers = Settings.QuestionsFor(task.Kind).Select(q => (q, r.Pick(good ? GoodAnswers : PoorAnswers))).ToList();
        var issues = new List<ValidIssue>();
        if (r.Chance(good ? 0.08 : 0.35))
        {
            var owner = r.Pick(clerks);
            issues.Add(r.Chance(0.55)
                ? new ValidIssue(r.Pick(IssueTexts), true, r.Pick(SpotAnswers), null, null, "")
                : new ValidIssue(r.Pick(IssueTexts), false, "", OutOfQuietHours(calledUtc + TimeSpan.FromHours(r.Between(20.0, 72.0))), owner.User.Id, owner.User.DisplayName));
        }
        return new ValidRecord(Methods.Pick(r), task.CustomerName, calledUtc, answers, r.Pick(good ? GoodOpinions : PoorOpinions), r.Pick(Suggestions), score,
            issues, quietReason);
    }

    private DateTime OutOfQuietHours(DateTime utc) => clock.ToUtc(Settings.Quiet.MoveOut(clock.ToLocal(utc)));

    /// <summary>The same day at 12:30 Beijing (inside the default quiet hours).</summary>
    private DateTime InQuietHours(DateTime utc) => clock.ToUtc(clock.ToLocal(utc).Date.AddHours(12).AddMinutes(r.Between(5, 50)));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
