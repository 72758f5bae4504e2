using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Demo;

/// <summary>A generated complaint with its history, ready to be written.</summary>
internal sealed class DemoComplaint
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public int Month { get; init; }
    public int CustomerId { get; init; }
    public ComplaintChannel Channel { get; init; }
    public string Content { get; init; } = "";
    public string CustomerRequest { get; init; } = "";
    public int CategoryId { get; init; }
    public ComplaintSeverity Severity { get; init; }
    public DateTime ReceivedLocal { get; init; }
    public DateTime ReceivedUtc { get; init; }
    public DateTime PromisedUtc { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime UpdatedUtc { get; set; }
    public required DemoPerson Owner { get; init; }
    public ComplaintStatus Status { get; set; }
    public int? ResponsibleDepartmentId { get; set; }
    public List<DemoStep> Steps { get; } = [];
}

internal sealed record DemoStep(DateTime AtUtc, DemoPerson Actor, string Action, string Note);

/// <summary>One month of the period to fill: its key (yyyyMM), the local time span and how many cases.</summary>
internal sealed record DemoMonth(int Key, DateTime FromLocal, DateTime ToLocal, int Count);

/// <summary>
/// Generates complaints month by month: received times mostly in working hours, channel, category and
/// severity mixes, texts from the category templates, and a believable path through the stages
/// (判定 → 调查 → 处理方案 → 审批 → 答复 → 结案) cut off at "now", so old cases are closed and recent
/// ones are spread over every stage. Numbers follow the real rule: serials 1..n per received month
/// in received-time order.
/// </summary>
internal sealed class DemoComplaintFactory
{
    private static readonly Weighted<ComplaintChannel> Channels = new(
        (ComplaintChannel.Phone, 55), (ComplaintChannel.Visit, 12), (ComplaintChannel.Letter, 4),
        (ComplaintChannel.Email, 8), (ComplaintChannel.Online, 13), (ComplaintChannel.Revisit, 8));

    private static readonly Weighted<ComplaintSeverity> Severities = new(
        (ComplaintSeverity.Normal, 80), (ComplaintSeverity.Major, 15), (ComplaintSeverity.Urgent, 5));

    private static readonly Weighted<ComplaintSeverity> SafetySeverities = new(
        (ComplaintSeverity.Normal, 50), (ComplaintSeverity.Major, 30), (ComplaintSeverity.Urgent, 20));

    /// <summary>Where recent cases get stuck, weighted towards the stages a case passes quickly.</summary>
    private static readonly Weighted<ComplaintStatus> StallStages = new(
        (ComplaintStatus.Registered, 1), (ComplaintStatus.NotValid, 1.5), (ComplaintStatus.Assigned, 1.5),
        (ComplaintStatus.Investigated, 1), (ComplaintStatus.PendingApproval, 2), (ComplaintStatus.ToReply, 1),
        (ComplaintStatus.Replied, 1.5));

    private readonly DemoRandom _random;
    private readonly DemoStaff _staff;
    private readonly IReadOnlyDictionary<string, int> _categoryIds;
    private readonly IReadOnlyDictionary<string, int> _departmentIds;
    private readonly IReadOnlyList<DemoCustomer> _customers;
    private readonly PortalClock _clock;
    private readonly WorkingHours _hours;
    private readonly DateTime _nowLocal;

    public DemoComplaintFactory(DemoRandom random, DemoStaff staff, IReadOnlyDictionary<string, int> categoryIds,
        IReadOnlyDictionary<string, int> departmentIds, IReadOnlyList<DemoCustomer> customers, PortalClock clock,
        WorkingHours hours, DateTime nowLocal)
    {
        foreach (var category in ComplaintTexts.Categories)
        {
            if (!categoryIds.ContainsKey(category.Name))
                throw new InvalidOperationException($"投诉类别“{category.Name}”不存在，无法生成演示数据");
        }
        _random = random;
        _staff = staff;
        _categoryIds = categoryIds;
        _departmentIds = departmentIds;
        _customers = customers;
        _clock = clock;
        _hours = hours;
        _nowLocal = nowLocal;
    }

    /// <summary>The months from <paramref name="startLocal"/> to now with about 80–120 cases each (fewer in part months).</summary>
    public static List<DemoMonth> DemoPlan(DemoRandom random, DateTime startLocal, DateTime nowLocal) =>
        Months(startLocal, nowLocal).Select(m => m.Month with { Count = (int)Math.Round(random.Between(80, 120) * m.Share) }).ToList();

    /// <summary>Exactly <paramref name="total"/> cases over the months, a little more in summer and winter.</summary>
    public static List<DemoMonth> VolumePlan(int total, DateTime startLocal, DateTime nowLocal)
    {
        var months = Months(startLocal, nowLocal).ToList();
        var weights = months.Select(m => m.Share * Season(m.Month.Key % 100)).ToArray();
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        // Largest remainders get the cases left over, so the total is exact.
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).Take(total - counts.Sum()))
            counts[i]++;
        return months.Select((m, i) => m.Month with { Count = counts[i] }).ToList();
    }

    private static double Season(int month) => month switch
    {
        7 or 8 => 1.3,
        6 or 9 or 12 or 1 => 1.1,
        2 => 0.8,
        _ => 1.0,
    };

    private static IEnumerable<(DemoMonth Month, double Share)> Months(DateTime startLocal, DateTime nowLocal)
    {
        for (var month = new DateTime(startLocal.Year, startLocal.Month, 1); month <= nowLocal; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var from = startLocal > month ? startLocal : month;
            var to = nowLocal < next ? nowLocal : next;
            if (to <= from) continue;
            yield return (new DemoMonth(ComplaintNumber.MonthKey(month), from, to, 0), (to - from) / (next - month));
        }
    }

    /// <summary>The cases of one month, numbered 1..n in received-time order.</summary>
    public List<DemoComplaint> Month(DemoMonth month)
    {
        var cases = new List<DemoComplaint>(month.Count);
        for (var i = 0; i < month.Count; i++) cases.Add(Create(month));
        cases.Sort((a, b) => a.ReceivedLocal.CompareTo(b.ReceivedLocal));
        for (var i = 0; i < cases.Count; i++) cases[i].Number = ComplaintNumber.Format(month.Key, i + 1);
        return cases;
    }

    private DemoComplaint Create(DemoMonth month)
    {
        var r = _random;
        var channel = Channels.Pick(r);
        var category = ComplaintTexts.CategoryMix.Pick(r);
        var severity = (category.Name == "安全" ? SafetySeverities : Severities).Pick(r);
        var received = ReceivedTime(month, channel);

        // Some customers complain often, most once or twice.
        var customer = _customers[(int)(Math.Pow(r.NextDouble(), 1.2) * _customers.Count)];
        var words = new CaseWords(r, received, customer.IsCompany);
        var text = r.Pick(category.Texts);
        for (var attempt = 0; customer.IsCompany && attempt < 5 && ComplaintTexts.HomeOnlyWords.Any(w => text.Content.Contains(w, StringComparison.Ordinal)); attempt++)
            text = r.Pick(category.Texts);
        var content = r.Pick(ComplaintTexts.Openings[channel]) + words.Fill(text.Content);
        if (severity == ComplaintSeverity.Urgent && r.Chance(0.6)) content += ComplaintTexts.UrgentTail;
        else if (r.Chance(0.3)) content += r.Pick(ComplaintTexts.Tails);

        var owner = _staff.Owners.Pick(r);
        var created = received.AddMinutes(r.Between(2, 25));
        if (created > _nowLocal) created = _nowLocal;
        var complaint = new DemoComplaint
        {
            Month = month.Key,
            CustomerId = customer.Id,
            Channel = channel,
            Content = content,
            CustomerRequest = words.Fill(text.Requests is { } own && r.Chance(0.7) ? r.Pick(own) : r.Pick(category.Requests)),
            CategoryId = _categoryIds[category.Name],
            Severity = severity,
            ReceivedLocal = received,
            ReceivedUtc = _clock.ToUtc(received),
            PromisedUtc = _clock.ToUtc(PromisedReply(received, severity)),
            CreatedUtc = _clock.ToUtc(created),
            Owner = owner,
        };
        new CasePath(this, complaint, category, text, words, created).Walk();
        return complaint;
    }

    /// <summary>Most cases come in working hours on working days; e-mail and web messages also at night.</summary>
    private DateTime ReceivedTime(DemoMonth month, ComplaintChannel channel)
    {
        var r = _random;
        var firstDay = month.FromLocal.Date;
        var days = (int)(month.ToLocal - firstDay).TotalDays + 1;
        var anyHour = channel is ComplaintChannel.Email or ComplaintChannel.Online;
        for (var attempt = 0; ; attempt++)
        {
            var day = firstDay.AddDays(r.Next(days));
            if (!WorkingHours.IsWorkingDay(DateOnly.FromDateTime(day)) && !r.Chance(0.25) && attempt < 50) continue;
            var minutes = (anyHour ? r.Chance(0.7) : r.Chance(0.92))
                ? r.Between((int)_hours.Start.ToTimeSpan().TotalMinutes, (int)_hours.End.ToTimeSpan().TotalMinutes - 1)
                : anyHour ? r.Between(7 * 60, 23 * 60 + 59) : r.Between(7 * 60 + 30, 20 * 60 + 30);
            var time = day.AddMinutes(minutes).AddSeconds(r.Next(60));
            if (time >= month.FromLocal && time < month.ToLocal) return time;
            if (attempt > 200) return month.FromLocal; // a part month of a few minutes
        }
    }

    /// <summary>The reply time told to the customer: 重大 within 3 days, 紧急 within 1–3 working days, 一般 within the week.</summary>
    private DateTime PromisedReply(DateTime received, ComplaintSeverity severity)
    {
        var endOfDay = _hours.EndOfWorkingDay(received);
        return severity switch
        {
            ComplaintSeverity.Urgent => AddWorkingDays(endOfDay, _random.Between(0, 2)),
            ComplaintSeverity.Major => NextWorkingDayEnd(received.Date.AddDays(3)),
            _ => AddWorkingDays(endOfDay, _random.Between(2, 5)),
        };
    }

    private DateTime NextWorkingDayEnd(DateTime day)
    {
        while (!WorkingHours.IsWorkingDay(DateOnly.FromDateTime(day))) day = day.AddDays(1);
        return day.Date + _hours.End.ToTimeSpan();
    }

    private static DateTime AddWorkingDays(DateTime local, int days)
    {
        while (days > 0)
        {
            local = local.AddDays(1);
            if (WorkingHours.IsWorkingDay(DateOnly.FromDateTime(local))) days--;
        }
        return local;
    }

    /// <summary>Adds working time (working hours of working days only).</summary>
    private DateTime AddWorkingHours(DateTime local, double hours)
    {
        var start = _hours.Start.ToTimeSpan();
        var end = _hours.End.ToTimeSpan();
        var t = local;
        if (!WorkingHours.IsWorkingDay(DateOnly.FromDateTime(t)) || t.TimeOfDay >= end) t = NextStart(t.Date.AddDays(1));
        else if (t.TimeOfDay < start) t = t.Date + start;
        var remaining = TimeSpan.FromHours(hours);
        while (true)
        {
            var left = t.Date + end - t;
            if (remaining <= left) return t + remaining;
            remaining -= left;
            t = NextStart(t.Date.AddDays(1));
        }

        DateTime NextStart(DateTime day)
        {
            while (!WorkingHours.IsWorkingDay(DateOnly.FromDateTime(day))) day = day.AddDays(1);
            return day + start;
        }
    }

    /// <summary>Walks one case through its stages, keeping only the steps that happened before now.</summary>
    private sealed class CasePath(DemoComplaintFactory f, DemoComplaint c, CategoryTexts category, ComplaintText text, CaseWords words, DateTime created)
    {
        private readonly DemoRandom _r = f._random;
        private DateTime _at;
        private bool _stopped;
        private ComplaintStatus? _stallAt;

        public void Walk()
        {
            _at = created;
            Step(created, c.Owner, ComplaintHistory.Registered, $"受理投诉：{c.Channel.Chinese()}，{c.Severity.Chinese()}", ComplaintStatus.Registered);

            // Some recent cases are stuck at a stage (waiting for a department, an approval, the customer):
            // together with the ones simply in progress, they fill every column of the board.
            var age = f._nowLocal - c.ReceivedLocal;
            if (age < TimeSpan.FromDays(21) && _r.Chance(0.35)) _stallAt = StallStages.Pick(_r);
            var valid = _stallAt switch
            {
                ComplaintStatus.NotValid => false,
                ComplaintStatus.Assigned or ComplaintStatus.Investigated or ComplaintStatus.PendingApproval => true,
                _ => !_r.Chance(category.NotValidRate),
            };
            if (_stallAt == ComplaintStatus.Registered) return;

            var urgency = c.Severity switch { ComplaintSeverity.Urgent => 0.25, ComplaintSeverity.Major => 0.5, _ => 1.0 };
            var judge = f._staff.Judges.Pick(_r);
            if (!valid)
            {
                Next(_r.Between(0.5, 8) * urgency, judge, "判定不成立", $"不成立理由：{_r.Pick(category.NotValidReasons)}", ComplaintStatus.NotValid);
                Next(_r.Between(9, 27), c.Owner, "答复客户", $"已{ReplyWay()}说明不成立的理由，客户表示理解", ComplaintStatus.Replied);
                Next(_r.Between(2, 18), c.Owner, "结案", "客户无异议，结案归档", ComplaintStatus.Closed);
                return;
            }

            var department = category.Departments.Pick(_r);
            var departmentId = f._departmentIds[department];
            Next(_r.Between(0.5, 8) * urgency, judge, "判定成立", $"投诉成立，分派{department}处理", ComplaintStatus.Assigned,
                () => c.ResponsibleDepartmentId = departmentId);
            var investigator = f._staff.Investigator(department, _r);
            var remedy = words.Fill(_r.Pick(text.Remedies ?? category.Remedies));
            var amount = words.AmountIn(remedy);
            var approval = _stallAt == ComplaintStatus.PendingApproval || amount > 500
                || (c.Severity != ComplaintSeverity.Normal && _r.Chance(0.4));

            Investigate(investigator, urgency);
            Decide(investigator, remedy, amount, approval);
            Next(_r.Between(0.5, 5), c.Owner, "答复客户", $"已{ReplyWay()}告知处理方案：{remedy}", ComplaintStatus.Replied);
            if (_r.Chance(0.05))
            {
                Next(_r.Between(4, 27), c.Owner, "客户不满意", $"{_r.Pick(ComplaintTexts.ReopenReasons)}，重新调查", ComplaintStatus.Assigned);
                Investigate(investigator, urgency);
                Decide(investigator, remedy, 0, approval: false);
                Next(_r.Between(0.5, 5), c.Owner, "答复客户", $"已{ReplyWay()}告知新的处理结果", ComplaintStatus.Replied);
            }
            // A few customers cannot be reached for their feedback for weeks.
            var feedback = _r.Chance(0.003) ? _r.Between(200, 600) : _r.Between(4, 27);
            Next(feedback, _r.Chance(0.8) ? c.Owner : f._staff.Director, "结案", _r.Pick(ComplaintTexts.CloseNotes), ComplaintStatus.Closed);
        }

        private void Investigate(DemoPerson investigator, double urgency) =>
            Next(_r.Between(6, 27) * urgency, investigator, "调查完成",
                $"原因：{_r.Pick(category.Causes)}。整改措施：{_r.Pick(ComplaintTexts.Measures)}。", ComplaintStatus.Investigated);

        private void Decide(DemoPerson investigator, string remedy, int amount, bool approval)
        {
            if (!approval)
            {
                Next(_r.Between(2, 14), investigator, "确定处理方案", $"处理方案：{remedy}", ComplaintStatus.ToReply);
                return;
            }
            var byExecutive = amount > 2000;
            Next(_r.Between(2, 14), investigator, "提交处理方案", $"处理方案：{remedy}，报{(byExecutive ? "部门经理、总经理" : "部门经理")}审批",
                ComplaintStatus.PendingApproval);
            if (byExecutive)
            {
                Next(_r.Between(2, 16), f._staff.ServiceHead, "审批通过", "部门经理同意，报总经理审批", ComplaintStatus.PendingApproval);
                Next(_r.Between(2, 16), f._staff.Executive, "审批通过", "总经理同意处理方案", ComplaintStatus.ToReply);
            }
            else
            {
                Next(_r.Between(4, 20), f._staff.ServiceHead, "审批通过", "同意处理方案", ComplaintStatus.ToReply);
            }
        }

        private string ReplyWay() => c.Channel switch
        {
            ComplaintChannel.Letter => "书面向客户",
            ComplaintChannel.Email => "通过电子邮件向客户",
            ComplaintChannel.Online => "在网上平台向客户",
            ComplaintChannel.Visit when _r.Chance(0.5) => "约客户面谈",
            _ => "电话向客户",
        };

        /// <summary>The next step after some working hours (longer now and then: a busy week, an absent customer).</summary>
        private void Next(double workingHours, DemoPerson actor, string action, string note, ComplaintStatus status, Action? apply = null)
        {
            if (_stopped) return;
            if (_r.Chance(0.07)) workingHours *= _r.Between(3, 8);
            var at = f.AddWorkingHours(_at, workingHours);
            _at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond));
            Step(_at, actor, action, note, status, apply);
        }

        private void Step(DateTime at, DemoPerson actor, string action, string note, ComplaintStatus status, Action? apply = null)
        {
            if (_stopped) return;
            if (at > f._nowLocal) { _stopped = true; return; }
            var utc = f._clock.ToUtc(at);
            c.Steps.Add(new DemoStep(utc, actor, action, note));
            c.Status = status;
            c.UpdatedUtc = utc;
            apply?.Invoke();
            if (_stallAt == status) _stopped = true;
        }
    }
}
