using System.Globalization;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Demo;

internal sealed partial class DemoComplaintFactory
{
    /// <summary>How recent a case must be for it to be held at an earlier stage (awaiting a department, an approval, the customer).</summary>
    private static readonly TimeSpan HoldWindow = TimeSpan.FromDays(14);
    /// <summary>Share of held cases that may wait past a deadline (most are held where they are still on time).</summary>
    private const double LateHoldRate = 0.1;
    /// <summary>Share of cases whose first answer comes after the promised time or the reply limit.</summary>
    private const double LateReplyRate = 0.08;

    /// <summary>
    /// One case's story through the complaint cycle (SPEC C-3 … C-9). First it is planned to its end:
    /// who acts when, and what they type. Then the steps that happened before now are taken on the
    /// registered <see cref="Complaint"/>, each a call of the entity's own step method, which checks
    /// it, moves the stage and writes the history and the records; between the steps the escalation
    /// run flags the case where a limit passed unmet. A step the entity refuses is a bug of the plan.
    /// Times are portal-local while planning, UTC on the entity.
    /// </summary>
    private sealed class CasePath
    {
        private readonly DemoComplaintFactory f;
        private readonly Complaint complaint;
        private readonly Intake intake;
        private readonly CategoryTexts category;
        private readonly CaseWords words;
        private readonly DemoRandom _r;
        private readonly WorkingCalendar _calendar;
        private readonly DemoTimeline<Complaint> _time;
        private readonly DateTime _created;
        /// <summary>The closing limit as the plan sees it (moved by the extensions it grants).</summary>
        private DateTime _planCloseDue;
        private double[] _durations = [];
        private int _nextDuration;
        /// <summary>The stage the case waits at, if it is held; null when it goes on as planned.</summary>
        private ComplaintStatus? _hold;
        /// <summary>When the last step was taken (UTC): a limit it made pending is found by the next escalation run.</summary>
        private DateTime _lastStep;
        /// <summary>The limits the escalation runs have recorded as overdue, by kind and due time (as its log keys them).</summary>
        private List<(DeadlineKind Kind, DateTime Due)>? _escalated;

        public CasePath(DemoComplaintFactory f, Complaint complaint, Intake intake)
        {
            this.f = f;
            this.complaint = complaint;
            this.intake = intake;
            category = intake.Category;
            words = intake.Words;
            _r = f._random;
            _calendar = f._calendar;
            _created = intake.CreatedLocal;
            _time = new DemoTimeline<Complaint>(_calendar, _created);
            _planCloseDue = f._clock.ToLocal(complaint.CloseDue!.Value);
            _lastStep = complaint.CreatedAt;
        }

        public void Walk()
        {
            _time.At = _created;
            // Some recent cases are held at a stage (waiting for a department, an approval, the customer),
            // the stage held least so far: with the cases simply in progress they fill every column of the board.
            // Before the answer only while the promised time is still ahead, so that waiting there is not late.
            var young = f._nowLocal < intake.PromisedLocal;
            if (f._nowLocal - intake.ReceivedLocal < HoldWindow && _r.Chance(young ? 0.8 : 0.3))
                _hold = (young ? HoldStagesBeforeReply : HoldStagesAfterReply).MinBy(s => f._held.GetValueOrDefault(s));
            var valid = _hold switch
            {
                ComplaintStatus.NotValid => false,
                ComplaintStatus.Valid or ComplaintStatus.Assigned or ComplaintStatus.Investigated or ComplaintStatus.PendingApproval or ComplaintStatus.ToReply => true,
                _ => !_r.Chance(category.NotValidRate),
            };
            if (valid) ValidPath(judgedBy: null);
            else NotValidPath();
            Commit();
        }

        /// <summary>The stages a case is held at: those it passes quickly (cases in progress fill the others).</summary>
        private static readonly ComplaintStatus[] HoldStagesBeforeReply =
        [
            ComplaintStatus.Registered, ComplaintStatus.Valid, ComplaintStatus.NotValid, ComplaintStatus.Investigated, ComplaintStatus.PendingApproval,
            ComplaintStatus.ToReply,
        ];

        private static readonly ComplaintStatus[] HoldStagesAfterReply = [ComplaintStatus.Satisfied, ComplaintStatus.Unsatisfied];

        /// <summary>A case held before its answer gets there quickly (the rest of its time it waits).</summary>
        private bool HeldBeforeReply => _hold is ComplaintStatus.Valid or ComplaintStatus.Assigned or ComplaintStatus.Investigated
            or ComplaintStatus.PendingApproval or ComplaintStatus.ToReply;

        // ---- Planning -------------------------------------------------------------------------

        private void NotValidPath()
        {
            var judge = f._staff.Judges.Pick(_r);
            var reason = _r.Pick(category.NotValidReasons);
            Judge(_time.Later(_r.Between(0.5, 6) * Urgency), judge, false, reason);
            Reply(_time.Later(_r.Between(0.5, 6)), $"向客户说明投诉不成立的理由：{reason}");
            _time.Later(FeedbackWait());
            if (_hold != ComplaintStatus.Unsatisfied && !_r.Chance(0.25))
            {
                Feedback(_time.At, true, _r.Pick(CycleTexts.UnderstoodNotes));
                Close(_time.Later(_r.Between(0.2, 12)), _r.Pick(CycleTexts.NotValidCloseNotes));
                return;
            }

            // The customer disputes it: judged again, valid after all or explained once more.
            Feedback(_time.At, false, _r.Pick(CycleTexts.NotValidDisputes));
            var rejudge = f._staff.Judges.Pick(_r);
            _time.Later(_r.Between(2, 16));
            if (_r.Chance(0.55))
            {
                Judge(_time.At, rejudge, true, _r.Pick(CycleTexts.RejudgedValidReasons));
                ValidPath(rejudge);
                return;
            }
            Judge(_time.At, rejudge, false, CycleTexts.RejudgedNotValidPrefix + reason);
            Reply(_time.Later(_r.Between(0.5, 6)), $"再次向客户说明复核结论：{reason}");
            Feedback(_time.Later(FeedbackWait()), true, _r.Pick(CycleTexts.UnderstoodNotes));
            Close(_time.Later(_r.Between(0.2, 12)), _r.Pick(CycleTexts.NotValidCloseNotes));
        }

        /// <summary>The judgement, with the polite written explanation of a complaint not valid.</summary>
        private void Judge(DateTime at, DemoPerson judge, bool valid, string reason)
        {
            var explanation = valid ? "" : CycleTexts.NotValidExplanation(reason);
            _time.Add(at, (c, now) => c.Judge(judge.Actor, valid, reason, explanation, now));
        }

        /// <param name="judgedBy">who re-judged a disputed case valid; null for a case judged valid at once.</param>
        private void ValidPath(DemoPerson? judgedBy)
        {
            var judge = judgedBy ?? f._staff.Judges.Pick(_r);
            var department = category.Departments.Pick(_r);
            var departmentId = f._departmentIds[department];
            var investigator = f._staff.Investigator(department, _r);
            var proposer = f._staff.Proposer(department, intake.Owner.Department, investigator, intake.Owner);
            var person = _r.Chance(0.85) ? investigator : null;

            var (items, remedy) = Resolution();
            if (_hold == ComplaintStatus.PendingApproval && f._approvals.LevelFor(Total(items)) == ApprovalLevel.None)
            {
                var extra = _r.Between(60, 300) * 10;
                items.Add(new ResolutionItemInput(ResolutionKind.Compensation, extra, $"补偿客户损失 {extra} 元"));
                remedy += $"，另补偿客户损失 {extra} 元";
            }
            var level = f._approvals.LevelFor(Total(items));
            // Now and then an approver sends the proposal back and a smaller one follows.
            var rejectAt = level == ApprovalLevel.None || !_r.Chance(0.1) ? ApprovalLevel.None
                : level == ApprovalLevel.Executive && _r.Chance(0.3) ? ApprovalLevel.Executive : ApprovalLevel.DepartmentHead;
            var (revised, revisedRemedy) = rejectAt == ApprovalLevel.None ? (items, remedy) : Revise(items, remedy);
            var revisedLevel = f._approvals.LevelFor(Total(revised));

            // The first answer: a case judged valid at once is answered before the promised time and
            // the reply limit, most of the time; the steps share that time.
            var weights = new List<double>(12);
            if (judgedBy is null) weights.Add(1.2);
            weights.AddRange([0.25, 4, 1.5]);
            for (var i = 0; i < Approvals(level, rejectAt); i++) weights.Add(1.2);
            if (rejectAt != ApprovalLevel.None)
            {
                weights.Add(1.5);
                for (var i = 0; i < Approvals(revisedLevel, ApprovalLevel.None); i++) weights.Add(1.2);
            }
            weights.Add(0.8);
            Share(judgedBy is null ? ReplyBudget() : _r.Between(10.0, 40.0), weights);

            if (judgedBy is null) Judge(_time.Later(NextDuration()), judge, true, _r.Pick(CycleTexts.ValidReasons));
            _time.Add(_time.Later(NextDuration()), (c, now) => c.Assign(judge.Actor, departmentId, department, person?.User, now));
            Investigate(_time.Later(NextDuration()), investigator, department);
            if (_r.Chance(0.02)) Extension(department, 0.7);
            Propose(_time.Later(NextDuration()), proposer, items);
            if (rejectAt != ApprovalLevel.None)
            {
                Approvals(department, proposer, level, rejectAt);
                Propose(_time.Later(NextDuration()), proposer, revised);
            }
            Approvals(department, proposer, revisedLevel, ApprovalLevel.None);
            Reply(_time.Later(NextDuration()), $"告知处理方案：{revisedRemedy}");

            _time.Later(FeedbackWait());
            if (_hold != ComplaintStatus.Unsatisfied && !_r.Chance(0.08))
            {
                Feedback(_time.At, true, _r.Pick(CycleTexts.SatisfiedNotes));
                Close(_time.Later(_r.Between(0.2, 12)), _r.Pick(ComplaintTexts.CloseNotes));
                return;
            }

            // Not satisfied: a second investigation round in the same department.
            var objection = _r.Pick(ComplaintTexts.ReopenReasons);
            Feedback(_time.At, false, objection);
            var reopenedBy = _r.Chance(0.5) ? intake.Owner : _r.Chance(0.6) ? f._staff.Director : f._staff.ServiceHead;
            var reopenReason = $"{objection}，重新调查";
            _time.Add(_time.Later(_r.Between(0.3, 4)), (c, now) => c.Reopen(reopenedBy.Actor, reopenReason, now));
            if (_r.Chance(0.6)) Extension(department, 0.85);
            Investigate(_time.Later(_r.Between(6, 20)), investigator, department);
            var (more, moreRemedy) = SecondResolution();
            var moreLevel = f._approvals.LevelFor(Total(more));
            Propose(_time.Later(_r.Between(1, 6)), proposer, more);
            _durations = [];
            Approvals(department, proposer, moreLevel, ApprovalLevel.None);
            Reply(_time.Later(_r.Between(0.5, 4)), $"告知新的处理结果：{moreRemedy}");
            Feedback(_time.Later(FeedbackWait()), true, _r.Pick(CycleTexts.SatisfiedNotes));
            Close(_time.Later(_r.Between(0.2, 12)), _r.Pick(ComplaintTexts.CloseNotes));
        }

        /// <summary>The proposal of the first round: the remedy of the complaint text, with an apology now and then.</summary>
        private (List<ResolutionItemInput> Items, string Remedy) Resolution()
        {
            var remedy = words.Fill(_r.Pick(intake.Text.Remedies ?? category.Remedies));
            var amount = words.AmountIn(remedy);
            var items = new List<ResolutionItemInput>(2) { new(CycleTexts.KindOf(remedy, amount > 0), amount, remedy) };
            if (amount > 0 && _r.Chance(0.2) && !remedy.Contains('歉', StringComparison.Ordinal))
                items.Insert(0, new ResolutionItemInput(ResolutionKind.Apology, 0, "向客户致歉"));
            return (items, remedy);
        }

        /// <summary>After a rejection: the same remedy for a smaller amount.</summary>
        private (List<ResolutionItemInput> Items, string Remedy) Revise(List<ResolutionItemInput> items, string remedy)
        {
            var money = items.First(i => i.Amount > 0);
            var amount = Math.Max(10, (int)Math.Round((double)money.Amount * _r.Between(0.5, 0.8) / 10) * 10);
            var old = money.Amount.ToString("0", CultureInfo.InvariantCulture) + " 元";
            var revisedRemedy = remedy.Replace(old, amount.ToString(CultureInfo.InvariantCulture) + " 元", StringComparison.Ordinal);
            var revised = items.Select(i => i == money ? new ResolutionItemInput(i.Kind, amount, revisedRemedy) : i).ToList();
            return (revised, revisedRemedy);
        }

        private (List<ResolutionItemInput> Items, string Remedy) SecondResolution()
        {
            var remedy = _r.Pick(CycleTexts.SecondRoundRemedies);
            var amount = remedy.Contains("{补偿}", StringComparison.Ordinal) ? _r.Between(5, 30) * 10 : 0;
            remedy = remedy.Replace("{补偿}", amount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return ([new ResolutionItemInput(CycleTexts.KindOf(remedy, amount > 0), amount, remedy)], remedy);
        }

        private static decimal Total(List<ResolutionItemInput> items) => items.Sum(i => i.Amount);

        /// <summary>How many approval steps a proposal of <paramref name="level"/> gets (up to and including a rejection).</summary>
        private static int Approvals(ApprovalLevel level, ApprovalLevel rejectAt) => level switch
        {
            ApprovalLevel.None => 0,
            ApprovalLevel.DepartmentHead => 1,
            _ => rejectAt == ApprovalLevel.DepartmentHead ? 1 : 2,
        };

        private void Investigate(DateTime at, DemoPerson investigator, string department)
        {
            var cause = _r.Pick(category.Causes);
            var type = CycleTexts.QualityCauses.Contains(cause) ? CauseType.Quality : CauseType.Human;
            var parties = (type == CauseType.Quality ? CycleTexts.QualityParties : CycleTexts.HumanParties)[department];
            var party = words.Fill(_r.Pick(parties));
            var measures = _r.Pick(type == CauseType.Quality ? CycleTexts.QualityMeasures : ComplaintTexts.Measures);
            _time.Add(at, (c, now) => c.Investigate(investigator.Actor, cause, type, party, measures, now));
        }

        private void Propose(DateTime at, DemoPerson by, List<ResolutionItemInput> items) =>
            _time.Add(at, (c, now) => c.Propose(by.Actor, items, f._approvals, now));

        /// <summary>
        /// The approvals of the last proposal (made by <paramref name="proposer"/>), in order: a head of the case's
        /// departments other than the proposer, then the Executive.
        /// </summary>
        private void Approvals(string department, DemoPerson proposer, ApprovalLevel level, ApprovalLevel rejectAt)
        {
            if (level == ApprovalLevel.None) return;
            ApprovalLevel[] steps = level == ApprovalLevel.Executive ? [ApprovalLevel.DepartmentHead, ApprovalLevel.Executive] : [ApprovalLevel.DepartmentHead];
            var head = f._staff.ApproverFor(department, intake.Owner.Department, proposer);
            foreach (var step in steps)
            {
                var by = step == ApprovalLevel.Executive ? f._staff.Executive : head;
                var at = _time.Later(NextDuration());
                if (step == rejectAt)
                {
                    var reason = _r.Pick(CycleTexts.RejectionReasons);
                    _time.Add(at, (c, now) => c.RejectApproval(by.Actor, reason, now));
                    return;
                }
                _time.Add(at, (c, now) => c.Approve(by.Actor, now));
            }
        }

        private void Reply(DateTime at, string content)
        {
            var method = CycleTexts.ReplyMethodFor(intake.Input.Channel!.Value, _r);
            var by = _r.Chance(0.85) ? intake.Owner : _r.Pick(f._staff.Clerks);
            _time.Add(at, (c, now) => c.Reply(by.Actor, method, now, content, now));
        }

        private void Feedback(DateTime at, bool satisfied, string note)
        {
            var by = _r.Chance(0.8) ? intake.Owner : _r.Pick(f._staff.Clerks);
            _time.Add(at, (c, now) => c.Feedback(by.Actor, satisfied, note, now));
        }

        private void Close(DateTime at, string note)
        {
            var by = f._staff.Closers.Pick(_r);
            _time.Add(at, (c, now) => c.Close(by.Actor, note, now));
        }

        /// <summary>The owner asks to move the closing limit by a week or so; a head of the case's departments decides.</summary>
        private void Extension(string department, double approveChance)
        {
            var requestedAt = _time.Later(_r.Between(0.3, 3));
            var (requested, request) = Request(_planCloseDue);
            _time.Add(requestedAt, request);
            var decider = f._staff.ExtensionDecider(intake.Owner.Department, department);
            var decidedAt = _time.Later(_r.Between(1, 8));
            if (_r.Chance(approveChance))
            {
                _planCloseDue = requested;
                _time.Add(decidedAt, (c, now) => c.DecideExtension(decider.Actor, true, "", now));
            }
            else
            {
                var reason = _r.Pick(CycleTexts.ExtensionRefusals);
                _time.Add(decidedAt, (c, now) => c.DecideExtension(decider.Actor, false, reason, now));
            }
        }

        /// <summary>The owner's request to move the closing limit from <paramref name="currentDue"/> by 5–10 days (local times).</summary>
        private (DateTime Requested, Action<Complaint, DateTime> Take) Request(DateTime currentDue)
        {
            var requested = DeadlineCalculator.EndOf(DateOnly.FromDateTime(currentDue).AddDays(_r.Between(5, 10)));
            var requestedUtc = f._clock.ToUtc(requested);
            var reason = _r.Pick(CycleTexts.ExtensionReasons);
            var owner = intake.Owner;
            return (requested, (c, now) => c.RequestExtension(owner.Actor, reason, requestedUtc, now));
        }

        private double Urgency => intake.Input.Severity switch { ComplaintSeverity.Urgent => 0.25, ComplaintSeverity.Major => 0.5, _ => 1.0 };

        /// <summary>Working hours from registration to the first answer: within the reply limit (the earlier of the promised time and the policy's), or a little late.</summary>
        private double ReplyBudget()
        {
            var target = f._clock.ToLocal(complaint.Clock.ReplyLimit);
            var available = Math.Max(0.25, _calendar.WorkingTimeBetween(_created, target).TotalHours);
            if (HeldBeforeReply) return available * _r.Between(0.1, 0.3);
            return _r.Chance(LateReplyRate) ? available + _r.Between(1.0, 24.0) : available * _r.Between(0.3, 0.95);
        }

        /// <summary>Working hours until the customer's feedback: mostly a day or three, sometimes weeks for one who cannot be reached.</summary>
        private double FeedbackWait() =>
            _r.Chance(0.003) ? _r.Between(200.0, 600.0) : _r.Chance(0.06) ? _r.Between(50.0, 110.0) : _r.Between(6.0, 32.0);

        /// <summary>Splits <paramref name="total"/> working hours over the coming steps by their weights (with some spread).</summary>
        private void Share(double total, List<double> weights)
        {
            var spread = weights.Select(w => w * _r.Between(0.6, 1.4)).ToArray();
            var sum = spread.Sum();
            _durations = [.. spread.Select(w => total * w / sum)];
            _nextDuration = 0;
        }

        private double NextDuration() => _nextDuration < _durations.Length ? _durations[_nextDuration++] : _r.Between(2.0, 8.0);


        // ---- Taking the steps that happened before now ----------------------------------------

        private void Commit()
        {
            if (!HeldHere())
            {
                foreach (var step in _time.Before(f._nowLocal))
                {
                    Take(step.At, step.Take);
                    if (HeldHere()) break;
                }
            }
            if (complaint.IsClosed) return;
            PendingExtension();
            Escalate(f._clock.ToUtc(f._nowLocal).AddTicks(1));
        }

        /// <summary>Takes one step as the workflow service does: the entity's step method, then the KPI facts it made known.</summary>
        private void Take(DateTime atLocal, Action<Complaint, DateTime> step)
        {
            var at = f._clock.ToUtc(atLocal);
            Escalate(at);
            step(complaint, at);
            complaint.RecordKpiFacts(_calendar, f._clock.Zone);
            _lastStep = at;
        }

        /// <summary>
        /// Whether a held case stops here: it has reached the stage it is held at, and waiting there has not
        /// made it late (mostly); a case that would be late is not held and goes on as planned.
        /// </summary>
        private bool HeldHere()
        {
            if (_hold is not { } hold || complaint.Status != hold) return false;
            if (LateIfHeld() && !_r.Chance(LateHoldRate))
            {
                _hold = null;
                return false;
            }
            f._held[hold] = f._held.GetValueOrDefault(hold) + 1;
            return true;
        }

        /// <summary>Whether a limit of the case not met yet would have passed more than half a day ago, if it waited here.</summary>
        private bool LateIfHeld()
        {
            var halfADayAgo = f._clock.ToUtc(f._nowLocal.AddHours(-12));
            return complaint.Clock.Pending.Any(limit => limit.PassedAt(halfADayAgo));
        }

        /// <summary>A few recent open cases have an extension request the head has not decided yet.</summary>
        private void PendingExtension()
        {
            if (f._nowLocal - intake.ReceivedLocal >= TimeSpan.FromDays(14) || !_r.Chance(0.06)) return;
            if (complaint.PendingExtension is not null) return;
            _time.At = f._clock.ToLocal(complaint.History[^1].At);
            var at = _time.Later(_r.Between(0.3, 6));
            if (at > f._nowLocal) return;
            Take(at, Request(f._clock.ToLocal(complaint.CloseDue!.Value)).Take);
        }

        /// <summary>
        /// The escalation runs before <paramref name="before"/>, as <see cref="EscalationService"/> takes them
        /// every minute: a run finds each limit that has passed while its event is pending
        /// (<see cref="CaseLimit.PassedAt"/>), records it once per due time, and flags the case
        /// (<see cref="Complaint.MarkOverdue"/>, with the escalation's note).
        /// </summary>
        private void Escalate(DateTime before)
        {
            while (!complaint.IsClosed)
            {
                // The first run to find a limit not recorded yet: the first after it passed, and after the step that made it pending.
                var run = DateTime.MaxValue;
                foreach (var limit in complaint.Clock.Pending)
                {
                    if (Escalated(limit)) continue;
                    var at = NextRun(limit.Due > _lastStep ? limit.Due : _lastStep);
                    if (at < run) run = at;
                }
                if (run >= before) return;
                foreach (var limit in complaint.Clock.Pending)
                {
                    if (!limit.PassedAt(run) || Escalated(limit)) continue;
                    (_escalated ??= []).Add((limit.Kind, limit.Due));
                    complaint.MarkOverdue(run, EscalationText.OverdueNote(limit.Kind, limit.Due, f._clock));
                }
            }
        }

        private bool Escalated(CaseLimit limit) => _escalated is not null && _escalated.Contains((limit.Kind, limit.Due));

        /// <summary>The first escalation run after <paramref name="t"/> (it runs every minute, on the minute).</summary>
        private static DateTime NextRun(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute, t.Kind);
    }
}
