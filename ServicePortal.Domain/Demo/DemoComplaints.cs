using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// A case's time limits as registration computes them (<see cref="DeadlineService.Compute"/>): the
/// deadline policy per severity and origin of this database, counted on its working calendar.
/// </summary>
internal sealed class DemoDeadlines(IReadOnlyList<DeadlinePolicy> policies, WorkingCalendar calendar, PortalClock clock)
{
    private readonly Dictionary<(ComplaintSeverity, bool), DeadlinePolicy> _policies =
        policies.ToDictionary(p => (p.Severity, p.ForeignCustomer));

    public ComplaintDeadlines For(ComplaintSeverity severity, bool foreign, DateTime receivedUtc) =>
        DeadlineService.Compute(_policies[(severity, foreign)], calendar, clock, receivedUtc);
}

/// <summary>One month of the period to fill: its key (yyyyMM), the local time span and how many cases.</summary>
internal sealed record DemoMonth(int Key, DateTime FromLocal, DateTime ToLocal, int Count);

/// <summary>
/// Generates complaints month by month: received times mostly in working hours, channel, category and
/// severity mixes, texts from the category templates, and a believable path through the stages
/// (判定 → 调查 → 处理方案 → 审批 → 答复 → 结案) cut off at "now", so old cases are closed and recent
/// ones are spread over every stage. Numbers follow the real rule: serials 1..n per received month
/// in received-time order.
/// </summary>
internal sealed partial class DemoComplaintFactory
{
    private static readonly Weighted<ComplaintChannel> Channels = new(
        (ComplaintChannel.Phone, 55), (ComplaintChannel.Visit, 12), (ComplaintChannel.Letter, 4),
        (ComplaintChannel.Email, 8), (ComplaintChannel.Online, 13), (ComplaintChannel.Revisit, 8));

    private static readonly Weighted<ComplaintSeverity> Severities = new(
        (ComplaintSeverity.Normal, 80), (ComplaintSeverity.Major, 15), (ComplaintSeverity.Urgent, 5));

    private static readonly Weighted<ComplaintSeverity> SafetySeverities = new(
        (ComplaintSeverity.Normal, 50), (ComplaintSeverity.Major, 30), (ComplaintSeverity.Urgent, 20));

    private readonly DemoRandom _random;
    private readonly DemoStaff _staff;
    private readonly IReadOnlyDictionary<string, int> _categoryIds;
    private readonly IReadOnlyDictionary<string, int> _departmentIds;
    private readonly IReadOnlyList<DemoCustomer> _customers;
    private readonly PortalClock _clock;
    private readonly WorkingCalendar _calendar;
    private readonly DemoDeadlines _deadlines;
    private readonly DateTime _nowLocal;
    /// <summary>The approval thresholds of this database: proposals need the approvals they set.</summary>
    private readonly ApprovalPolicy _approvals;
    /// <summary>How many recent cases were held at each stage, so that every column of the board gets some.</summary>
    private readonly Dictionary<ComplaintStatus, int> _held = [];

    public DemoComplaintFactory(DemoRandom random, DemoStaff staff, IReadOnlyDictionary<string, int> categoryIds,
        IReadOnlyDictionary<string, int> departmentIds, IReadOnlyList<DemoCustomer> customers, PortalClock clock,
        WorkingCalendar calendar, DemoDeadlines deadlines, ApprovalPolicy approvals, DateTime nowLocal)
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
        _calendar = calendar;
        _deadlines = deadlines;
        _approvals = approvals;
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

    /// <summary>What the clerk takes down for a case before it is registered, and the words its story will use.</summary>
    private sealed record Intake(
        CategoryTexts Category, ComplaintText Text, CaseWords Words, DemoCustomer Customer, ComplaintInput Input, int CategoryId,
        DemoPerson Owner, DateTime ReceivedLocal, DateTime CreatedLocal, DateTime PromisedLocal);

    /// <summary>
    /// The cases of one month: taken down first, then registered in received-time order with serials
    /// 1..n (a complaint gets its number at registration), each then carried through its story.
    /// </summary>
    public List<Complaint> Month(DemoMonth month)
    {
        var intakes = new List<Intake>(month.Count);
        for (var i = 0; i < month.Count; i++) intakes.Add(Take(month));
        intakes.Sort((a, b) => a.ReceivedLocal.CompareTo(b.ReceivedLocal));
        var cases = new List<Complaint>(intakes.Count);
        for (var i = 0; i < intakes.Count; i++) cases.Add(Register(month, i + 1, intakes[i]));
        return cases;
    }

    private Intake Take(DemoMonth month)
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
        var input = new ComplaintInput
        {
            Channel = channel,
            Severity = severity,
            Content = content,
            CustomerRequest = words.Fill(text.Requests is { } own && r.Chance(0.7) ? r.Pick(own) : r.Pick(category.Requests)),
            Category = category.Name,
        };
        return new Intake(category, text, words, customer, input, _categoryIds[category.Name], owner, received, created, PromisedReply(created, severity));
    }

    /// <summary>Registers the case as <see cref="ComplaintService.RegisterAsync"/> does, then lets its story happen.</summary>
    private Complaint Register(DemoMonth month, int serial, Intake intake)
    {
        var receivedUtc = _clock.ToUtc(intake.ReceivedLocal);
        var complaint = new Complaint(ComplaintNumber.Format(month.Key, serial), month.Key, intake.Customer.Customer, intake.Input, intake.CategoryId,
            receivedUtc, _clock.ToUtc(intake.PromisedLocal), intake.Owner.User, _clock.ToUtc(intake.CreatedLocal));
        var due = _deadlines.For(intake.Input.Severity!.Value, intake.Customer.Customer.IsForeign, receivedUtc);
        complaint.SetDeadlines(due.ReplyDue, due.ReportDue, due.CloseDue);
        new CasePath(this, complaint, intake).Walk();
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
            if (!_calendar.IsWorkingDay(DateOnly.FromDateTime(day)) && !r.Chance(0.25) && attempt < 50) continue;
            var minutes = (anyHour ? r.Chance(0.7) : r.Chance(0.92))
                ? r.Between((int)_calendar.DayStart.ToTimeSpan().TotalMinutes, (int)_calendar.DayEnd.ToTimeSpan().TotalMinutes - 1)
                : anyHour ? r.Between(7 * 60, 23 * 60 + 59) : r.Between(7 * 60 + 30, 20 * 60 + 30);
            var time = day.AddMinutes(minutes).AddSeconds(r.Next(60));
            if (time >= month.FromLocal && time < month.ToLocal) return time;
            if (attempt > 200) return month.FromLocal; // a part month of a few minutes
        }
    }

    /// <summary>The reply time told to the customer: 重大 within 3 days, 紧急 within 1–3 working days, 一般 within the week.</summary>
    /// <remarks>Told at registration: a case registered in the last hour of the day is answered the next working day at the earliest.</remarks>
    private DateTime PromisedReply(DateTime registered, ComplaintSeverity severity)
    {
        var endOfDay = _calendar.EndOfWorkingDay(registered.AddHours(1));
        return severity switch
        {
            ComplaintSeverity.Urgent => AddWorkingDays(endOfDay, _random.Between(0, 2)),
            ComplaintSeverity.Major => NextWorkingDayEnd(registered.Date.AddDays(3)),
            _ => AddWorkingDays(endOfDay, _random.Between(2, 5)),
        };
    }

    private DateTime NextWorkingDayEnd(DateTime day)
    {
        var date = DateOnly.FromDateTime(day);
        if (!_calendar.IsWorkingDay(date)) date = _calendar.NextWorkingDay(date);
        return date.ToDateTime(_calendar.DayEnd);
    }

    private DateTime AddWorkingDays(DateTime local, int days)
    {
        var date = DateOnly.FromDateTime(local);
        for (var i = 0; i < days; i++) date = _calendar.NextWorkingDay(date);
        return date.ToDateTime(TimeOnly.FromDateTime(local));
    }
}
