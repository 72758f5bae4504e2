using System.Reflection;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Demo;

/// <summary>The orders of one month and the revisit tasks their completions created.</summary>
internal sealed record DemoRepairMonth(List<RepairOrder> Orders, List<RevisitTask> Revisits);

/// <summary>A completed order a 维修质量 complaint may be about, with its customer and product as the complaint texts need them.</summary>
internal sealed record DemoRepairLink(RepairOrder Order, DemoCustomer Customer, RepairProduct Product);

/// <summary>
/// Generates repair orders month by month over the same months as the complaints: requests taken in
/// received-time order with serials 1..n of their month (as <see cref="RepairService.RegisterAsync"/>
/// numbers them), each then carried through its story by the entity's own steps — dispatch,
/// appointments (some missed or moved), the quote from the fee schedule (some rejected by the head,
/// some declined by the customer), completion with the revisit task it creates, the feedback slip
/// (some late) and the head's review — cut off at now, so old orders are closed and recent ones are
/// in every stage. A request for the same fault on the same product within 90 days of a completion
/// is flagged as a repeat repair exactly as intake flags it (<see cref="RepeatRepairRule"/>), and
/// some requests are such repeats on purpose.
/// </summary>
internal sealed class DemoRepairFactory
{
    /// <summary>Share of requests that come back for the same fault on a recently repaired product.</summary>
    private const double RepeatRate = 0.07;
    private static readonly TimeSpan HoldWindow = TimeSpan.FromDays(10);
    private static readonly PropertyInfo IdProperty = typeof(RepairOrder).GetProperty(nameof(RepairOrder.Id))!;
    private static readonly PropertyInfo CustomerIdProperty = typeof(RepairOrder).GetProperty(nameof(RepairOrder.CustomerId))!;

    /// <summary>The stages a recent order may wait at, so that every column of the dispatch board gets some.</summary>
    private static readonly RepairStage[] HoldStages =
    [
        RepairStage.ToDispatch, RepairStage.Dispatched, RepairStage.Booked, RepairStage.QuotePending, RepairStage.QuoteApproved,
        RepairStage.InRepair, RepairStage.Completed, RepairStage.SlipSubmitted,
    ];

    private readonly DemoRandom _r;
    private readonly DemoStaff _staff;
    private readonly IReadOnlyList<DemoCustomer> _customers;
    private readonly PortalClock _clock;
    private readonly WorkingCalendar _calendar;
    private readonly RepairSettings _settings;
    private readonly DateTime _nowLocal;
    /// <summary>Works the revisit tasks the completions create (its own random numbers).</summary>
    private readonly DemoRevisits _desk;
    private readonly Dictionary<string, FeeItem> _fees;
    private readonly Dictionary<int, FeeItem> _schedule;
    private readonly DemoPerson[] _technicians;
    private readonly DemoPerson[] _fireTechnicians;
    private readonly Weighted<DemoPerson> _heads;
    private readonly Dictionary<RepairStage, int> _held = [];
    private int _nextId;

    // Completed orders that may still make a request a repeat (the last ~95 days), by product and fault.
    private readonly Dictionary<(string Serial, string Fault), List<RepairOrder>> _bySerial = [];
    private readonly Dictionary<(int Customer, string Model, string Fault), List<RepairOrder>> _byModel = [];
    private readonly List<DemoRepairLink> _recent = [];
    /// <summary>Up to <see cref="LinksPerMonth"/> completed orders per month of completion, for the complaints about them.</summary>
    private readonly Dictionary<int, List<DemoRepairLink>> _links = [];
    private const int LinksPerMonth = 200;

    public DemoRepairFactory(DemoRandom random, DemoStaff staff, IReadOnlyList<DemoCustomer> customers, PortalClock clock,
        WorkingCalendar calendar, RepairSettings settings, IReadOnlyList<FeeItem> schedule, DateTime nowLocal, int firstId, DemoRevisits desk)
    {
        _r = random;
        _desk = desk;
        _staff = staff;
        _customers = customers;
        _clock = clock;
        _calendar = calendar;
        _settings = settings;
        _nowLocal = nowLocal;
        _fees = schedule.ToDictionary(i => i.Name);
        _schedule = schedule.ToDictionary(i => i.Id);
        _nextId = firstId;
        _technicians = staff.StaffOf("维修部", "客服部");
        _fireTechnicians = staff.StaffOf("工程部", "维修部");
        var repairHead = staff.People.FirstOrDefault(p => p.Role == Accounts.Roles.DepartmentHead && p.Department == "维修部");
        _heads = repairHead is null ? new((staff.ServiceHead, 1.0)) : new((staff.ServiceHead, 4.0), (repairHead, 1.0));
    }

    /// <summary>A decision on the repairs' own random numbers (the complaints' stay as they were without repairs).</summary>
    public bool Chance(double probability) => _r.Chance(probability);

    /// <summary>Completed orders a complaint received at <paramref name="receivedLocal"/> may be about (completed 3–60 days before).</summary>
    public DemoRepairLink? LinkFor(DateTime receivedLocal)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var completed = receivedLocal.AddDays(-_r.Between(3, 60));
            if (!_links.TryGetValue(CaseNumber.MonthKey(completed), out var candidates) || candidates.Count == 0) continue;
            var link = _r.Pick(candidates);
            var at = _clock.ToLocal(link.Order.CompletedAt!.Value);
            if (at < receivedLocal.AddDays(-1) && at > receivedLocal.AddDays(-90)) return link;
        }
        return null;
    }

    private sealed record Request(DemoCustomer Customer, RepairProduct Product, RepairRequest Input, DemoPerson Clerk, DateTime ReceivedLocal,
        DateTime CreatedLocal, DemoPerson? Technician);

    public DemoRepairMonth Month(DemoMonth month)
    {
        Forget(month.FromLocal.AddDays(-RepeatRepairRule.WindowDays - 5));
        var requests = new List<Request>(month.Count);
        for (var i = 0; i < month.Count; i++) requests.Add(Take(month));
        requests.Sort((a, b) => a.ReceivedLocal.CompareTo(b.ReceivedLocal));
        var result = new DemoRepairMonth(new List<RepairOrder>(requests.Count), []);
        for (var i = 0; i < requests.Count; i++) Register(month, i + 1, requests[i], result);
        return result;
    }

    private Request Take(DemoMonth month)
    {
        var r = _r;
        var channel = r.Pick(RepairTexts.Channels);
        var received = DemoMonths.ReceivedTime(r, _calendar, month, anyHour: channel is Complaints.ComplaintChannel.Email or Complaints.ComplaintChannel.Online);
        var created = Min(received.AddMinutes(r.Between(2, 20)), _nowLocal);
        var clerk = r.Pick(_staff.Clerks);
        if (r.Chance(RepeatRate) && Returning(received) is { } earlier)
            return Again(earlier, channel, received, created, clerk);

        var customer = _customers[(int)(Math.Pow(r.NextDouble(), 1.2) * _customers.Count)];
        var product = RepairTexts.Products.Pick(r);
        if (product.Fire && !customer.IsCompany) product = RepairTexts.Products.Pick(r); // households seldom have fire alarm systems
        var model = r.Pick(product.Models);
        var receivedDay = DateOnly.FromDateTime(received);
        var purchased = r.Chance(0.45) ? receivedDay.AddDays(-r.Between(10, 360)) : receivedDay.AddDays(-r.Between(370, 2200));
        var inWarranty = _settings.InWarranty(purchased, receivedDay);
        bool? overridden = !inWarranty && r.Chance(0.03) ? true : null;
        var serial = inWarranty || overridden == true || r.Chance(0.85) ? $"{product.SerialPrefix}{purchased:yyMM}{r.Digits(6)}" : "";
        var fault = product.Faults.Pick(r);
        var words = new CaseWords(r, received, customer.IsCompany);
        words.Choose("产品", product.Name);
        var description = words.Fill(r.Pick(fault.Descriptions));
        if (r.Chance(0.3)) description += r.Pick(["请尽快安排上门。", "客户希望工作日上门。", "客户要求上门前电话联系。"]);
        return new Request(customer, product, Input(customer, model, serial, purchased, overridden, fault.Category, description, channel, received, r),
            clerk, received, created, null);
    }

    /// <summary>A request for the same fault on a product repaired in the last 90 days (the customer calls again).</summary>
    private Request Again(DemoRepairLink earlier, Complaints.ComplaintChannel channel, DateTime received, DateTime created, DemoPerson clerk)
    {
        var o = earlier.Order;
        var words = new CaseWords(_r, received, earlier.Customer.IsCompany);
        words.Choose("产品", earlier.Product.Name);
        var fault = earlier.Product.Faults.Items.First(f => f.Category == o.FaultCategory);
        var description = $"{_clock.ToLocal(o.CompletedAt!.Value):M月d日}刚修过，又出现同样的问题：" + words.Fill(_r.Pick(fault.Descriptions));
        var input = Input(earlier.Customer, o.ProductModel, o.SerialNumber, o.PurchaseDate!.Value, o.WarrantyOverrideReason.Length > 0 ? o.InWarranty : (bool?)null,
            o.FaultCategory, description, channel, received, _r);
        // Seed 003: a repeat within 3 months is the responsibility of the technician who did the repair.
        var technician = _staff.People.FirstOrDefault(p => p.DisplayName == o.TechnicianName);
        return new Request(earlier.Customer, earlier.Product, input, clerk, received, created, _r.Chance(0.8) ? technician : null);
    }

    private static RepairRequest Input(DemoCustomer customer, string model, string serial, DateOnly purchased, bool? overridden, string fault,
        string description, Complaints.ComplaintChannel channel, DateTime received, DemoRandom r)
    {
        var c = customer.Customer;
        var contactName = customer.IsCompany ? DemoCustomers.PersonName(r) : r.Chance(0.85) ? c.Name : DemoCustomers.PersonName(r);
        var contactPhone = customer.IsCompany || contactName != c.Name ? DemoCustomers.Mobile(r) : c.Phone;
        return new RepairRequest
        {
            CustomerId = c.Id,
            CustomerName = c.Name,
            CustomerPhone = c.Phone,
            Address = c.Address,
            ContactName = contactName,
            ContactPhone = contactPhone,
            ProductModel = model,
            SerialNumber = serial,
            PurchaseDate = purchased,
            WarrantyOverride = overridden,
            WarrantyOverrideReason = overridden is null ? "" : r.Pick(RepairTexts.WarrantyOverrides),
            FaultCategory = fault,
            FaultDescription = description,
            Channel = channel,
            // 外地: outside 江苏 the department has no resident technician.
            IsRemote = !c.Address.StartsWith("江苏省", StringComparison.Ordinal),
            RequestedVisitAt = r.Chance(0.5) ? received.Date.AddDays(r.Between(1, 3)).AddHours(r.Chance(0.5) ? 9 : 14) : null,
        };
    }

    /// <summary>A completed order of the last 90 days whose customer calls again; null when there is none.</summary>
    private DemoRepairLink? Returning(DateTime receivedLocal)
    {
        for (var attempt = 0; attempt < 5 && _recent.Count > 0; attempt++)
        {
            var candidate = _recent[_recent.Count - 1 - (int)(Math.Pow(_r.NextDouble(), 2) * Math.Min(_recent.Count, 4000))];
            var completed = _clock.ToLocal(candidate.Order.CompletedAt!.Value);
            if (completed < receivedLocal && RepeatRepairRule.Within(DateOnly.FromDateTime(completed), DateOnly.FromDateTime(receivedLocal)))
                return candidate;
        }
        return null;
    }

    /// <summary>Registers the request as <see cref="RepairService.RegisterAsync"/> does (its number, the warranty, the repeat check), then lets its story happen.</summary>
    private void Register(DemoMonth month, int serial, Request request, DemoRepairMonth result)
    {
        var input = request.Input;
        input.ReceivedAt = _clock.ToUtc(request.ReceivedLocal);
        if (input.RequestedVisitAt is { } visit) input.RequestedVisitAt = _clock.ToUtc(visit);
        var receivedDay = DateOnly.FromDateTime(request.ReceivedLocal);
        var inWarranty = input.PurchaseDate is { } bought && _settings.InWarranty(bought, receivedDay);
        var order = new RepairOrder(CaseNumber.Repair.Format(month.Key, serial), month.Key, request.Customer.Customer, input, inWarranty,
            Earlier(input, receivedDay), request.Clerk.User, _clock.ToUtc(request.CreatedLocal));
        // As the store leaves it after saving: its id (given in order, so later orders and complaints can point to it) and its customer's.
        IdProperty.SetValue(order, _nextId++);
        CustomerIdProperty.SetValue(order, request.Customer.Customer.Id);
        var path = new RepairPath(this, order, request);
        path.Walk();
        result.Orders.Add(order);
        if (path.Revisit is { } revisit) result.Revisits.Add(revisit);
        if (order.CompletedAt is not null) Remember(new DemoRepairLink(order, request.Customer, request.Product));
    }

    /// <summary>The earlier order that makes the request a repeat, as <see cref="RepeatRepairRule.EarlierOrders"/> finds it.</summary>
    private RepairOrder? Earlier(RepairRequest r, DateOnly requestDay)
    {
        var since = _clock.ToUtc(RepeatRepairRule.FirstCountingDay(requestDay).ToDateTime(TimeOnly.MinValue));
        var candidates = r.SerialNumber.Length > 0
            ? _bySerial.GetValueOrDefault((r.SerialNumber, r.FaultCategory))
            : _byModel.GetValueOrDefault((r.CustomerId!.Value, r.ProductModel, r.FaultCategory));
        return candidates?.Where(o => o.CompletedAt >= since && o.CompletedAt <= r.ReceivedAt).MaxBy(o => o.CompletedAt);
    }

    private void Remember(DemoRepairLink link)
    {
        var o = link.Order;
        if (o.SerialNumber.Length > 0) Add(_bySerial, (o.SerialNumber, o.FaultCategory), o);
        Add(_byModel, (o.CustomerId, o.ProductModel, o.FaultCategory), o);
        _recent.Add(link);
        var month = CaseNumber.MonthKey(_clock.ToLocal(o.CompletedAt!.Value));
        if (!_links.TryGetValue(month, out var links)) _links[month] = links = new List<DemoRepairLink>(LinksPerMonth);
        if (links.Count < LinksPerMonth) links.Add(link);
        else if (_r.Chance(0.05)) links[_r.Next(LinksPerMonth)] = link;
    }

    private static void Add<TKey>(Dictionary<TKey, List<RepairOrder>> map, TKey key, RepairOrder order) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<RepairOrder>(1);
        list.Add(order);
    }

    /// <summary>Drops the completions before <paramref name="beforeLocal"/>: they can no longer make a request a repeat.</summary>
    private void Forget(DateTime beforeLocal)
    {
        var before = _clock.ToUtc(beforeLocal);
        _recent.RemoveAll(l => l.Order.CompletedAt < before);
        Prune(_bySerial, before);
        Prune(_byModel, before);
    }

    private static void Prune<TKey>(Dictionary<TKey, List<RepairOrder>> map, DateTime before) where TKey : notnull
    {
        List<TKey>? empty = null;
        foreach (var (key, list) in map)
        {
            list.RemoveAll(o => o.CompletedAt < before);
            if (list.Count == 0) (empty ??= []).Add(key);
        }
        foreach (var key in empty ?? []) map.Remove(key);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>
    /// One order's story (SPEC R-2 … R-6), planned to its end on the working calendar and then taken
    /// up to now through the entity's own step methods (each checks the step, moves the stage, writes
    /// the history); the KPI facts are recorded after each step as <see cref="RepairService"/> does.
    /// A step the entity refuses is a bug of the plan.
    /// </summary>
    private sealed class RepairPath
    {
        private readonly DemoRepairFactory f;
        private readonly RepairOrder _order;
        private readonly Request _request;
        private readonly DemoRandom _r;
        private readonly DemoTimeline<RepairOrder> _time;
        private readonly DemoPerson _technician;
        private RepairStage? _hold;
        private DateTime? _revisitAt;
        private DemoPerson? _revisitBy;

        public RepairPath(DemoRepairFactory f, RepairOrder order, Request request)
        {
            this.f = f;
            _order = order;
            _request = request;
            _r = f._r;
            _time = new DemoTimeline<RepairOrder>(f._calendar, request.CreatedLocal);
            _technician = request.Technician ?? _r.Pick(request.Product.Fire ? f._fireTechnicians : f._technicians);
        }

        /// <summary>The phone revisit the completion created, closed by a clerk when that happened before now.</summary>
        public RevisitTask? Revisit { get; private set; }

        public void Walk()
        {
            if (f._nowLocal - _request.ReceivedLocal < HoldWindow && _r.Chance(0.6))
                _hold = HoldStages.MinBy(s => f._held.GetValueOrDefault(s));
            Plan();
            if (!HeldHere())
            {
                foreach (var step in _time.Before(f._nowLocal))
                {
                    var at = f._clock.ToUtc(step.At);
                    step.Take(_order, at);
                    _order.RecordKpiFacts(f._calendar, f._clock.Zone);
                    if (HeldHere()) break;
                }
            }
            if (Revisit is { } revisit)
            {
                // The orders once drew the call's note here: still drawn, so the orders' random numbers (and the demo) stay as they were.
                if (_revisitAt is { } planned && planned <= f._nowLocal) _r.Pick(RepairTexts.RevisitNotes);
                f._desk.Work(revisit, _revisitAt is { } callAt ? f._clock.ToUtc(callAt) : null, _revisitBy);
            }
        }

        private bool HeldHere()
        {
            if (_hold is not { } hold || _order.Stage != hold) return false;
            f._held[hold] = f._held.GetValueOrDefault(hold) + 1;
            return true;
        }

        // ---- Planning -------------------------------------------------------------------------

        private void Plan()
        {
            var head = f._heads.Pick(_r);
            var tech = _technician;
            _time.Add(_time.Later(_r.Between(0.2, 3.0)), (o, now) => o.Dispatch(head.Actor, tech.User, now));
            _time.Later(_r.Between(0.1, 2.0));
            Book();

            var finding = _r.Pick(f.FaultOf(_request).Findings);
            var total = Quote(finding);
            var approver = f._heads.Pick(_r);
            if (_r.Chance(0.06))
            {
                var reason = _r.Pick(RepairTexts.QuoteRejections);
                _time.Add(_time.Later(_r.Between(0.3, 6.0)), (o, now) => o.RejectQuote(approver.Actor, reason, now));
                _time.Later(_r.Between(0.5, 5.0));
                total = Quote(finding with { Labour = finding.Labour == "维修人工费（复杂）" ? "维修人工费（一般）" : finding.Labour });
            }
            var note = _r.Pick(RepairTexts.ApprovalNotes);
            _time.Add(_time.Later(_r.Between(0.3, 6.0)), (o, now) => o.ApproveQuote(approver.Actor, note, now));

            var desk = _r.Chance(0.6) ? tech : _r.Pick(f._staff.Clerks);
            var decidedAt = _time.Later(_r.Between(0.2, 8.0));
            if (total > 0 && _r.Chance(0.12))
            {
                var reason = _r.Pick(RepairTexts.DeclineReasons);
                _time.Add(decidedAt, (o, now) => o.Decline(desk.Actor, reason, now));
                return;
            }
            decimal? prepaid = f._settings.CollectFeeBeforeRepair && total > 0 ? total : null;
            var settings = f._settings;
            _time.Add(decidedAt, (o, now) => o.Accept(desk.Actor, prepaid, settings, now));

            Complete(finding, total);
        }

        /// <summary>The technician books a visit; now and then it is moved before the day, or missed and booked again.</summary>
        private void Book()
        {
            var tech = _technician;
            var booked = _time.At;
            var visit = Visit(booked, _r.Between(2.0, 16.0));
            var note = _r.Pick(RepairTexts.BookNotes);
            _time.Add(booked, (o, now) => o.Book(tech.Actor, f._clock.ToUtc(visit), note, now));
            if (_r.Chance(0.07))
            {
                // Moved before the day, with the customer's or the technician's reason.
                var movedAt = booked + (visit - booked) * _r.Between(0.3, 0.8);
                var moved = Visit(visit, _r.Between(4.0, 24.0));
                var reason = _r.Pick(RepairTexts.MoveReasons);
                _time.At = movedAt;
                _time.Add(movedAt, (o, now) => o.Miss(tech.Actor, reason, f._clock.ToUtc(moved), now));
                visit = moved;
            }
            _time.At = visit;
            if (_r.Chance(0.06))
            {
                // Missed: recorded after the hour, then booked again.
                var reason = _r.Pick(RepairTexts.MissReasons);
                var by = _r.Chance(0.7) ? tech : f._heads.Pick(_r);
                _time.Add(_time.Later(_r.Between(0.3, 1.5)), (o, now) => o.Miss(by.Actor, reason, null, now));
                _time.Later(_r.Between(0.3, 3.0));
                var again = Visit(_time.At, _r.Between(3.0, 16.0));
                _time.Add(_time.At, (o, now) => o.Book(tech.Actor, f._clock.ToUtc(again), "爽约后重新预约", now));
                _time.At = again;
            }
        }

        /// <summary>A visit <paramref name="workingHours"/> after <paramref name="from"/>, on the half hour.</summary>
        private DateTime Visit(DateTime from, double workingHours)
        {
            var at = f._calendar.AddWorkingTime(from, TimeSpan.FromHours(workingHours));
            var rounded = new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute < 30 ? 30 : 0, 0).AddHours(at.Minute < 30 ? 0 : 1);
            return rounded <= from ? from.AddMinutes(30) : rounded;
        }

        /// <summary>The technician's quote at the visit: labour and the parts of the finding, travel for a remote customer out of warranty.</summary>
        private decimal Quote(RepairFinding finding)
        {
            var tech = _technician;
            var lines = new List<QuoteLineInput>(4) { new(f.Fee(finding.Labour).Id, finding.Labour == "控制器编程调试" ? _r.Between(1, 3) : 1) };
            foreach (var part in finding.Parts)
                lines.Add(new QuoteLineInput(f.Fee(part).Id, part switch { "制冷剂R32" => _r.Between(1, 3) * 0.5m + 0.5m, "点型感烟探测器" => _r.Between(1, 4), _ => 1 }));
            var o = _order;
            var travel = o.IsRemote && !o.InWarranty ? f.Fee("外地路费及差旅").Price * _r.Between(1, 2) : 0m;
            var input = new RepairQuoteInput(finding.Cause, finding.Plan, finding.NotProductFault, lines, travel);
            _time.Add(_time.Later(_r.Between(0.5, 2.0)), (order, now) => order.Quote(tech.Actor, input, f._schedule, now));
            var charged = !o.InWarranty || finding.NotProductFault;
            return (charged ? lines.Sum(l => decimal.Round(f._schedule[l.FeeItemId].Price * l.Quantity, 2, MidpointRounding.AwayFromZero)) : 0m) + travel;
        }

        /// <summary>The repair, the feedback slip (most by the end of the next working day), the head's review, the revisit call.</summary>
        private void Complete(RepairFinding finding, decimal total)
        {
            var tech = _technician;
            var completed = _time.Later(_r.Chance(0.7) ? _r.Between(1.0, 8.0) : _r.Between(8.0, 40.0));
            var slipDue = f._calendar.EndOfNextWorkingDay(completed);
            var refused = _r.Chance(0.03);
            var parts = finding.Parts.Select(p => new ReplacedPartInput(p, $"{PartCode(p)}-{_r.Digits(8)}", $"{PartCode(p)}-{_r.Digits(8)}")).ToList();
            var input = new RepairCompletionInput(finding.Plan + "，已完成", parts,
                refused ? _r.Pick(RepairTexts.TestRefusals) : _r.Pick(RepairTexts.TestResults), refused, total, _request.Input.ContactName, null);
            _time.Add(completed, (o, now) =>
            {
                var due = f._clock.ToUtc(slipDue);
                o.Complete(tech.Actor, input, due, now);
                Revisit = RevisitTasks.AfterRepair(o, due, now);
            });

            var untilDue = Math.Max(0.5, f._calendar.WorkingTimeBetween(completed, slipDue).TotalHours);
            var slipNote = _r.Pick(RepairTexts.SlipNotes);
            _time.Add(_time.Later(_r.Chance(0.88) ? untilDue * _r.Between(0.2, 0.95) : untilDue + _r.Between(1.0, 24.0)),
                (o, now) => o.SubmitFeedbackSlip(tech.Actor, slipNote, now));
            var reviewer = f._heads.Pick(_r);
            var reviewNote = _r.Pick(RepairTexts.ReviewNotes);
            _time.Add(_time.Later(_r.Between(0.5, 16.0)), (o, now) => o.Review(reviewer.Actor, reviewNote, now));

            // The clerk's phone revisit: the day the slip comes in, mostly on time.
            _revisitAt = f._calendar.AddWorkingTime(completed, TimeSpan.FromHours(_r.Chance(0.9) ? untilDue * _r.Between(0.3, 0.98) : untilDue + _r.Between(1.0, 16.0)));
            _revisitBy = _r.Pick(f._staff.Clerks);
        }

        private static string PartCode(string part) => part switch
        {
            "主控板" => "MB", "显示板" => "DB", "电源板" => "PB", "压缩机" => "CP", "室外风机电机" => "FM", "四通阀" => "FV",
            "电子膨胀阀" => "EV", "温度传感器" => "TS", "压缩机启动电容" => "CA", "排水泵" => "DP", "遥控器" => "RC",
            "电加热管" => "EH", "温控器" => "TC", "滤芯套装" => "FL", "进水电磁阀" => "SV", "点型感烟探测器" => "SD",
            "点型感温探测器" => "HD", "手动报警按钮" => "MCP", "声光警报器" => "AL", "输入输出模块" => "IO", "回路板" => "LB",
            "主机备用电池" => "BT", _ => "PT",
        };
    }

    private RepairFaultTexts FaultOf(Request request) => request.Product.Faults.Items.First(f => f.Category == request.Input.FaultCategory);

    /// <summary>A fee schedule item by name; a schedule the Admin changed may lack it, then the first labour item stands in.</summary>
    private FeeItem Fee(string name) =>
        _fees.GetValueOrDefault(name) ?? _fees.Values.First(i => i.Kind == (name == "外地路费及差旅" ? FeeKind.Travel : FeeKind.Labour));
}
