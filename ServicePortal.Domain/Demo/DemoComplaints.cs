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
    /// <summary>The generated repair orders a 维修质量 complaint may be about; null when there are none.</summary>
    private readonly DemoRepairFactory? _repairs;
    /// <summary>How many recent cases were held at each stage, so that every column of the board gets some.</summary>
    private readonly Dictionary<ComplaintStatus, int> _held = [];

    public DemoComplaintFactory(DemoRandom random, DemoStaff staff, IReadOnlyDictionary<string, int> categoryIds,
        IReadOnlyDictionary<string, int> departmentIds, IReadOnlyList<DemoCustomer> customers, PortalClock clock,
        WorkingCalendar calendar, DemoDeadlines deadlines, ApprovalPolicy approvals, DateTime nowLocal, DemoRepairFactory? repairs = null)
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
        _repairs = repairs;
        _nowLocal = nowLocal;
    }

    /// <summary>What the clerk takes down for a case before it is registered, and the words its story will use.</summary>
    private sealed record Intake(
        CategoryTexts Category, ComplaintText Text, CaseWords Words, DemoCustomer Customer, ComplaintInput Input, int CategoryId,
        DemoPerson Owner, DateTime ReceivedLocal, DateTime CreatedLocal, DateTime PromisedLocal, Repairs.RepairOrder? Repair);

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
        var received = DemoMonths.ReceivedTime(r, _calendar, month, anyHour: channel is ComplaintChannel.Email or ComplaintChannel.Online);

        // Some customers complain often, most once or twice.
        var customer = _customers[(int)(Math.Pow(r.NextDouble(), 1.2) * _customers.Count)];
        var words = new CaseWords(r, received, customer.IsCompany);
        var text = r.Pick(category.Texts);
        for (var attempt = 0; customer.IsCompany && attempt < 5 && ComplaintTexts.HomeOnlyWords.Any(w => text.Content.Contains(w, StringComparison.Ordinal)); attempt++)
            text = r.Pick(category.Texts);
        var repair = category.Name == ComplaintCategory.RepairQuality ? AboutRepair(received, category, ref customer, ref words, ref text) : null;
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
            RepairNumber = repair?.Number ?? "",
        };
        return new Intake(category, text, words, customer, input, _categoryIds[category.Name], owner, received, created, PromisedReply(created, severity), repair);
    }

    /// <summary>Words that only fit an air unit (the repair complaint texts that speak of one).</summary>
    private static readonly string[] AirWords = ["空调", "压缩机", "出风", "加氟", "制冷"];

    /// <summary>
    /// Most 维修质量 complaints are about a repair order completed in the weeks before: the complaint
    /// is that order's customer's, its texts name the order's product, model, technician and date,
    /// and it is linked to the order. Null (and nothing changed) when none fits.
    /// </summary>
    private Repairs.RepairOrder? AboutRepair(DateTime received, CategoryTexts category, ref DemoCustomer customer, ref CaseWords words, ref ComplaintText text)
    {
        if (_repairs is null || !_repairs.Chance(0.7) || _repairs.LinkFor(received) is not { } link) return null;
        var fitting = category.Texts.Where(t => link.Product.Air || !AirWords.Any(w => t.Content.Contains(w, StringComparison.Ordinal))).ToList();
        if (fitting.Count == 0) return null;
        var o = link.Order;
        customer = link.Customer;
        text = _random.Pick(fitting);
        words = new CaseWords(_random, received, customer.IsCompany);
        words.Choose("产品", link.Product.Name);
        words.Choose("空调", link.Product.Name);
        words.Choose("型号", o.ProductModel);
        words.Choose("师傅", o.TechnicianName![..1] + "师傅");
        words.Choose("日期", _clock.ToLocal(o.CompletedAt!.Value).ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture));
        return o;
    }

    /// <summary>Registers the case as <see cref="ComplaintService.RegisterAsync"/> does, then lets its story happen.</summary>
    private Complaint Register(DemoMonth month, int serial, Intake intake)
    {
        var receivedUtc = _clock.ToUtc(intake.ReceivedLocal);
        var complaint = new Complaint(ComplaintNumber.Format(month.Key, serial), month.Key, intake.Customer.Customer, intake.Input, intake.CategoryId,
            receivedUtc, _clock.ToUtc(intake.PromisedLocal), intake.Owner.User, _clock.ToUtc(intake.CreatedLocal), intake.Repair);
        var due = _deadlines.For(intake.Input.Severity!.Value, intake.Customer.Customer.IsForeign, receivedUtc);
        complaint.SetDeadlines(due.ReplyDue, due.ReportDue, due.CloseDue);
        new CasePath(this, complaint, intake).Walk();
        return complaint;
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
