using System.Globalization;
using ServicePortal.Domain.Accounts;
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
    /// One case's story through the complaint cycle (SPEC C-3 … C-9): first planned to its end, with the
    /// steps, people and records the workflow would produce; then the steps that happened before now
    /// are applied — with the escalation's 逾期 flag where a deadline passed unmet — and the rest dropped.
    /// Times are portal-local while planning, UTC in the records.
    /// </summary>
    private sealed class CasePath
    {
        private sealed record Planned(DateTime At, DemoPerson Actor, string Action, string Note, ComplaintStatus? Status, Action<DateTime>? Apply);

        private readonly DemoComplaintFactory f;
        private readonly DemoComplaint c;
        private readonly CategoryTexts category;
        private readonly ComplaintText text;
        private readonly CaseWords words;
        private readonly DemoRandom _r;
        private readonly WorkingCalendar _calendar;
        private readonly List<Planned> _plan = new(16);
        private readonly DateTime _created;
        private readonly DateTime _promised;
        private readonly DateTime? _replyDue;
        private readonly DateTime? _reportDue;
        /// <summary>The closing limit as the plan sees it (moved by the extensions it grants).</summary>
        private DateTime _planCloseDue;
        /// <summary>The closing limit as applied so far.</summary>
        private DateTime _closeDue;
        private DateTime _at;
        private int _round = 1;
        private double[] _durations = [];
        private int _nextDuration;
        private readonly bool[] _escalated = new bool[4];

        public CasePath(DemoComplaintFactory f, DemoComplaint c, CategoryTexts category, ComplaintText text, CaseWords words,
            DateTime created, DateTime promised, (DateTime? Reply, DateTime? Report, DateTime Close) due)
        {
            this.f = f;
            this.c = c;
            this.category = category;
            this.text = text;
            this.words = words;
            _r = f._random;
            _calendar = f._calendar;
            _created = created;
            _promised = promised;
            _replyDue = due.Reply;
            _reportDue = due.Report;
            _planCloseDue = _closeDue = due.Close;
            c.PromisedUtc = f._clock.ToUtc(promised);
            c.ReplyDueUtc = due.Reply is { } reply ? f._clock.ToUtc(reply) : null;
            c.ReportDueUtc = due.Report is { } report ? f._clock.ToUtc(report) : null;
            c.CloseDueUtc = f._clock.ToUtc(due.Close);
        }

        public void Walk()
        {
            _at = _created;
            // Some recent cases are held at a stage (waiting for a department, an approval, the customer),
            // the stage held least so far: with the cases simply in progress they fill every column of the board.
            // Before the answer only while the promised time is still ahead, so that waiting there is not late.
            var young = f._nowLocal < _promised;
            if (f._nowLocal - c.ReceivedLocal < HoldWindow && _r.Chance(young ? 0.8 : 0.3))
                _hold = (young ? HoldStagesBeforeReply : HoldStagesAfterReply).MinBy(s => f._held.GetValueOrDefault(s));
            Add(_created, c.Owner, ComplaintHistory.Registered, $"受理投诉：{c.Channel.Chinese()}，{c.Severity.Chinese()}", ComplaintStatus.Registered);
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

        private ComplaintStatus? _hold;

        /// <summary>A case held before its answer gets there quickly (the rest of its time it waits).</summary>
        private bool HeldBeforeReply => _hold is ComplaintStatus.Valid or ComplaintStatus.Assigned or ComplaintStatus.Investigated
            or ComplaintStatus.PendingApproval or ComplaintStatus.ToReply;

        // ---- Planning -------------------------------------------------------------------------

        private void NotValidPath()
        {
            var judge = f._staff.Judges.Pick(_r);
            var reason = _r.Pick(category.NotValidReasons);
            JudgeNotValid(Later(_r.Between(0.5, 6) * Urgency), judge, reason);
            Reply(Later(_r.Between(0.5, 6)), $"向客户说明投诉不成立的理由：{reason}");
            Later(FeedbackWait());
            if (_hold != ComplaintStatus.Unsatisfied && !_r.Chance(0.25))
            {
                Feedback(_at, true, _r.Pick(CycleTexts.UnderstoodNotes));
                Close(Later(_r.Between(0.2, 12)), _r.Pick(CycleTexts.NotValidCloseNotes));
                return;
            }

            // The customer disputes it: judged again, valid after all or explained once more.
            Feedback(_at, false, _r.Pick(CycleTexts.NotValidDisputes));
            var rejudge = f._staff.Judges.Pick(_r);
            Later(_r.Between(2, 16));
            if (_r.Chance(0.55))
            {
                var valid = _r.Pick(CycleTexts.RejudgedValidReasons);
                Add(_at, rejudge, "判定成立", valid, ComplaintStatus.Valid, _ => Judged(true, valid, ""));
                ValidPath(rejudge);
                return;
            }
            JudgeNotValid(_at, rejudge, CycleTexts.RejudgedNotValidPrefix + reason);
            Reply(Later(_r.Between(0.5, 6)), $"再次向客户说明复核结论：{reason}");
            Feedback(Later(FeedbackWait()), true, _r.Pick(CycleTexts.UnderstoodNotes));
            Close(Later(_r.Between(0.2, 12)), _r.Pick(CycleTexts.NotValidCloseNotes));
        }

        private void JudgeNotValid(DateTime at, DemoPerson judge, string reason)
        {
            var explanation = CycleTexts.NotValidExplanation(reason);
            Add(at, judge, "判定不成立", $"{reason}；书面解释：{explanation}", ComplaintStatus.NotValid, _ => Judged(false, reason, explanation));
        }

        private void Judged(bool valid, string reason, string explanation)
        {
            c.IsValid = valid;
            c.JudgementReason = reason;
            c.NotValidExplanation = explanation;
        }

        /// <param name="judgedBy">who re-judged a disputed case valid; null for a case judged valid at once.</param>
        private void ValidPath(DemoPerson? judgedBy)
        {
            var judge = judgedBy ?? f._staff.Judges.Pick(_r);
            var department = category.Departments.Pick(_r);
            var departmentId = f._departmentIds[department];
            var investigator = f._staff.Investigator(department, _r);
            var person = _r.Chance(0.85) ? investigator : null;

            var (items, remedy) = Resolution();
            if (_hold == ComplaintStatus.PendingApproval && f._approvals.LevelFor(Total(items)) == ApprovalLevel.None)
            {
                var extra = _r.Between(60, 300) * 10;
                items.Add(new DemoItem(ResolutionKind.Compensation, extra, $"补偿客户损失 {extra} 元"));
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

            if (judgedBy is null)
            {
                var reason = _r.Pick(CycleTexts.ValidReasons);
                Add(Later(NextDuration()), judge, "判定成立", reason, ComplaintStatus.Valid, _ => Judged(true, reason, ""));
            }
            Add(Later(NextDuration()), judge, "分派", person is null ? $"责任部门：{department}" : $"责任部门：{department}，责任人：{person.DisplayName}",
                ComplaintStatus.Assigned, _ => { c.ResponsibleDepartmentId = departmentId; c.ResponsiblePerson = person; });
            Investigate(Later(NextDuration()), investigator, department);
            if (_r.Chance(0.02)) Extension(0.7);
            Propose(Later(NextDuration()), investigator, items, level);
            if (rejectAt != ApprovalLevel.None)
            {
                Approvals(department, level, rejectAt);
                Propose(Later(NextDuration()), investigator, revised, revisedLevel);
            }
            Approvals(department, revisedLevel, ApprovalLevel.None);
            Reply(Later(NextDuration()), $"告知处理方案：{revisedRemedy}");

            Later(FeedbackWait());
            if (_hold != ComplaintStatus.Unsatisfied && !_r.Chance(0.08))
            {
                Feedback(_at, true, _r.Pick(CycleTexts.SatisfiedNotes));
                Close(Later(_r.Between(0.2, 12)), _r.Pick(ComplaintTexts.CloseNotes));
                return;
            }

            // Not satisfied: a second investigation round in the same department.
            var complaint = _r.Pick(ComplaintTexts.ReopenReasons);
            Feedback(_at, false, complaint);
            var reopenedBy = _r.Chance(0.5) ? c.Owner : _r.Chance(0.6) ? f._staff.Director : f._staff.ServiceHead;
            Add(Later(_r.Between(0.3, 4)), reopenedBy, "重开调查", $"第 2 轮调查：{complaint}，重新调查", ComplaintStatus.Assigned, _ =>
            {
                c.ReopenCount++;
                c.Round = 2;
            });
            _round = 2;
            if (_r.Chance(0.6)) Extension(0.85);
            Investigate(Later(_r.Between(6, 20)), investigator, department);
            var (more, moreRemedy) = SecondResolution();
            var moreLevel = f._approvals.LevelFor(Total(more));
            Propose(Later(_r.Between(1, 6)), investigator, more, moreLevel);
            _durations = [];
            Approvals(department, moreLevel, ApprovalLevel.None);
            Reply(Later(_r.Between(0.5, 4)), $"告知新的处理结果：{moreRemedy}");
            Feedback(Later(FeedbackWait()), true, _r.Pick(CycleTexts.SatisfiedNotes));
            Close(Later(_r.Between(0.2, 12)), _r.Pick(ComplaintTexts.CloseNotes));
        }

        /// <summary>The proposal of the first round: the remedy of the complaint text, with an apology now and then.</summary>
        private (List<DemoItem> Items, string Remedy) Resolution()
        {
            var remedy = words.Fill(_r.Pick(text.Remedies ?? category.Remedies));
            var amount = words.AmountIn(remedy);
            var items = new List<DemoItem>(2) { new(CycleTexts.KindOf(remedy, amount > 0), amount, remedy) };
            if (amount > 0 && _r.Chance(0.2) && !remedy.Contains('歉', StringComparison.Ordinal))
                items.Insert(0, new DemoItem(ResolutionKind.Apology, 0, "向客户致歉"));
            return (items, remedy);
        }

        /// <summary>After a rejection: the same remedy for a smaller amount.</summary>
        private (List<DemoItem> Items, string Remedy) Revise(List<DemoItem> items, string remedy)
        {
            var money = items.First(i => i.Amount > 0);
            var amount = Math.Max(10, (int)Math.Round((double)money.Amount * _r.Between(0.5, 0.8) / 10) * 10);
            var old = money.Amount.ToString("0", CultureInfo.InvariantCulture) + " 元";
            var revisedRemedy = remedy.Replace(old, amount.ToString(CultureInfo.InvariantCulture) + " 元", StringComparison.Ordinal);
            var revised = items.Select(i => i == money ? new DemoItem(i.Kind, amount, revisedRemedy) : i).ToList();
            return (revised, revisedRemedy);
        }

        private (List<DemoItem> Items, string Remedy) SecondResolution()
        {
            var remedy = _r.Pick(CycleTexts.SecondRoundRemedies);
            var amount = remedy.Contains("{补偿}", StringComparison.Ordinal) ? _r.Between(5, 30) * 10 : 0;
            remedy = remedy.Replace("{补偿}", amount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return ([new DemoItem(CycleTexts.KindOf(remedy, amount > 0), amount, remedy)], remedy);
        }

        private static decimal Total(List<DemoItem> items) => items.Sum(i => i.Amount);

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
            var round = _round;
            Add(at, investigator, "调查完成", $"第 {round} 轮，{type.Chinese()}：{cause}；责任：{party}；整改措施：{measures}", ComplaintStatus.Investigated, utc =>
            {
                c.Investigations.Add(new DemoInvestigation(round, cause, type, party, measures, investigator, utc));
                c.FirstReportedUtc ??= utc;
            });
        }

        private void Propose(DateTime at, DemoPerson by, List<DemoItem> items, ApprovalLevel level)
        {
            var proposal = new DemoProposal(_round, items, level, by, f._clock.ToUtc(at));
            var lines = string.Join("；", items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Kind.Chinese()} ¥{i.Amount:0.00} {i.Description}").TrimEnd()));
            var note = lines + string.Create(CultureInfo.InvariantCulture, $"（合计 ¥{proposal.Total:0.00}，{level.Chinese()}）");
            _proposal = proposal;
            Add(at, by, "提交处理方案", note, level == ApprovalLevel.None ? ComplaintStatus.ToReply : ComplaintStatus.PendingApproval,
                _ => c.Proposals.Add(proposal));
        }

        private DemoProposal? _proposal;

        /// <summary>The approvals of the last proposal, in order: the head (of the responsible department), then the Executive.</summary>
        private void Approvals(string department, ApprovalLevel level, ApprovalLevel rejectAt)
        {
            if (level == ApprovalLevel.None) return;
            var proposal = _proposal!;
            ApprovalLevel[] steps = level == ApprovalLevel.Executive ? [ApprovalLevel.DepartmentHead, ApprovalLevel.Executive] : [ApprovalLevel.DepartmentHead];
            foreach (var step in steps)
            {
                var by = step == ApprovalLevel.Executive ? f._staff.Executive : f._staff.HeadOf(department);
                var role = Roles.ChineseName(step == ApprovalLevel.Executive ? Roles.Executive : Roles.DepartmentHead);
                var at = Later(NextDuration());
                if (step == rejectAt)
                {
                    var reason = _r.Pick(CycleTexts.RejectionReasons);
                    Add(at, by, "驳回方案", $"{role}驳回：{reason}", ComplaintStatus.Investigated, utc =>
                    {
                        proposal.Approvals.Add(new DemoApproval(step, false, reason, by, utc));
                        proposal.Status = ProposalStatus.Rejected;
                    });
                    return;
                }
                var last = step == level;
                Add(at, by, "审批通过", last ? $"{role}审批通过，可答复客户" : $"{role}审批通过，待{Roles.ChineseName(Roles.Executive)}审批",
                    last ? ComplaintStatus.ToReply : ComplaintStatus.PendingApproval, utc =>
                    {
                        proposal.Approvals.Add(new DemoApproval(step, true, "", by, utc));
                        if (last) proposal.Status = ProposalStatus.Approved;
                    });
            }
        }

        private void Reply(DateTime at, string content)
        {
            var method = CycleTexts.ReplyMethodFor(c.Channel, _r);
            var by = _r.Chance(0.85) ? c.Owner : _r.Pick(f._staff.Clerks);
            var round = _round;
            Add(at, by, "答复客户", $"{method.Chinese()}答复：{content}", ComplaintStatus.Replied, utc =>
            {
                c.Replies.Add(new DemoReply(round, method, utc, content, by));
                c.FirstRepliedUtc ??= utc;
            });
        }

        private void Feedback(DateTime at, bool satisfied, string note)
        {
            var by = _r.Chance(0.8) ? c.Owner : _r.Pick(f._staff.Clerks);
            var round = _round;
            Add(at, by, satisfied ? "客户满意" : "客户不满意", note, satisfied ? ComplaintStatus.Satisfied : ComplaintStatus.Unsatisfied,
                utc => c.Feedbacks.Add(new DemoFeedback(round, satisfied, note, by, utc)));
        }

        private void Close(DateTime at, string note) =>
            Add(at, f._staff.Closers.Pick(_r), "结案", note, ComplaintStatus.Closed, utc => c.ClosedUtc = utc);

        /// <summary>The owner asks to move the closing limit by a week or so; the head of the owner's department decides.</summary>
        private void Extension(double approveChance)
        {
            var requestedAt = Later(_r.Between(0.3, 3));
            var extension = Request(requestedAt, _planCloseDue);
            var decider = f._staff.HeadOf(c.Owner.Department);
            var decidedAt = Later(_r.Between(1, 8));
            if (_r.Chance(approveChance))
            {
                _planCloseDue = f._clock.ToLocal(extension.RequestedDueUtc);
                Add(decidedAt, decider, "同意延期", "结案期限已延长", null, utc =>
                {
                    Decide(extension, ExtensionStatus.Approved, "", decider, utc);
                    _closeDue = _planCloseDue;
                    c.CloseDueUtc = extension.RequestedDueUtc;
                    c.IsOverdue = false;
                });
            }
            else
            {
                var reason = _r.Pick(CycleTexts.ExtensionRefusals);
                Add(decidedAt, decider, "不同意延期", reason, null, utc => Decide(extension, ExtensionStatus.Refused, reason, decider, utc));
            }
        }

        private DemoExtension Request(DateTime at, DateTime currentDue)
        {
            var requested = DeadlineCalculator.EndOf(DateOnly.FromDateTime(currentDue).AddDays(_r.Between(5, 10)));
            var reason = _r.Pick(CycleTexts.ExtensionReasons);
            var extension = new DemoExtension(reason, f._clock.ToUtc(currentDue), f._clock.ToUtc(requested), c.Owner, f._clock.ToUtc(at));
            Add(at, c.Owner, "申请延期", string.Create(CultureInfo.InvariantCulture, $"申请结案期限延至 {requested:yyyy-MM-dd}：{reason}"), null,
                _ => c.Extensions.Add(extension));
            return extension;
        }

        private static void Decide(DemoExtension extension, ExtensionStatus status, string reason, DemoPerson by, DateTime utc)
        {
            extension.Status = status;
            extension.DecisionReason = reason;
            extension.DecidedBy = by;
            extension.DecidedAtUtc = utc;
        }

        private double Urgency => c.Severity switch { ComplaintSeverity.Urgent => 0.25, ComplaintSeverity.Major => 0.5, _ => 1.0 };

        /// <summary>Working hours from registration to the first answer: within the promised time and the reply limit, or a little late.</summary>
        private double ReplyBudget()
        {
            var target = _replyDue is { } due && due < _promised ? due : _promised;
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

        /// <summary>Moves the case's clock on by working time, to whole seconds.</summary>
        private DateTime Later(double workingHours)
        {
            var at = _calendar.AddWorkingTime(_at, TimeSpan.FromHours(workingHours));
            return _at = Seconds(at);
        }

        private static DateTime Seconds(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond));

        private void Add(DateTime at, DemoPerson actor, string action, string note, ComplaintStatus? status, Action<DateTime>? apply = null) =>
            _plan.Add(new Planned(at, actor, action, note, status, apply));

        // ---- Applying what happened before now ------------------------------------------------

        private void Commit()
        {
            var now = f._nowLocal;
            var cut = 0;
            while (cut + 1 < _plan.Count && _plan[cut + 1].At <= now) cut++;
            cut = Hold(cut);
            for (var i = 0; i <= cut; i++)
            {
                var step = _plan[i];
                if (i > 0) Escalate(step.At);
                Record(step.At, step.Actor, step.Action, step.Note, step.Status, step.Apply);
            }
            if (c.Status == ComplaintStatus.Closed) return;
            PendingExtension();
            Escalate(now.AddTicks(1));
        }

        /// <summary>
        /// Stops a held case at the first step reaching its stage, when it got there before now and (mostly)
        /// when waiting there has not made it late; otherwise the case goes on as planned.
        /// </summary>
        private int Hold(int cut)
        {
            if (_hold is not { } hold) return cut;
            var replied = false;
            var reported = false;
            for (var i = 0; i <= cut; i++)
            {
                replied |= _plan[i].Action == "答复客户";
                reported |= _plan[i].Action == "调查完成";
                if (_plan[i].Status != hold) continue;
                if (LateIfHeld(replied, reported) && !_r.Chance(LateHoldRate)) return cut;
                f._held[hold] = f._held.GetValueOrDefault(hold) + 1;
                return i;
            }
            return cut;
        }

        /// <summary>Whether a case held with these events done would have missed a limit by more than half a day now.</summary>
        private bool LateIfHeld(bool replied, bool reported)
        {
            var now = f._nowLocal.AddHours(-12);
            return (!replied && (_promised < now || _replyDue < now)) || (!reported && c.IsValid != false && _reportDue < now) || _closeDue < now;
        }

        /// <summary>A few recent open cases have an extension request the head has not decided yet.</summary>
        private void PendingExtension()
        {
            if (f._nowLocal - c.ReceivedLocal >= TimeSpan.FromDays(14) || !_r.Chance(0.06)) return;
            if (c.Extensions.Any(e => e.Status == ExtensionStatus.Pending)) return;
            _at = c.Steps.Count > 0 ? f._clock.ToLocal(c.Steps[^1].AtUtc) : _created;
            var at = Later(_r.Between(0.3, 6));
            if (at > f._nowLocal) return;
            var start = _plan.Count;
            Request(at, _closeDue);
            var step = _plan[start];
            Escalate(step.At);
            Record(step.At, step.Actor, step.Action, step.Note, step.Status, step.Apply);
        }

        /// <summary>
        /// What the escalation service does before <paramref name="before"/>: each limit that passed while
        /// its event (answer, report, closing) was still pending is escalated once, and the first flags the case.
        /// </summary>
        private void Escalate(DateTime before)
        {
            while (true)
            {
                var kind = -1;
                var due = DateTime.MaxValue;
                Consider(0, _promised, c.FirstRepliedUtc is null);
                Consider(1, _replyDue, c.FirstRepliedUtc is null);
                Consider(2, _reportDue, c.FirstReportedUtc is null && c.IsValid != false); // no investigation report for a case judged not valid
                Consider(3, _closeDue, c.ClosedUtc is null);
                if (kind < 0) return;
                _escalated[kind] = true;
                if (c.IsOverdue) continue;
                c.IsOverdue = true;
                var deadline = (DeadlineKind)kind;
                Record(FlaggedAt(due), DemoPerson.System, "逾期",
                    string.Create(CultureInfo.InvariantCulture, $"{deadline.Chinese()}（{due:yyyy-MM-dd HH:mm}）已过，案件标记为逾期"), null, null);

                void Consider(int k, DateTime? at, bool pending)
                {
                    if (_escalated[k] || !pending || at is not { } d || FlaggedAt(d) >= before || d >= due) return;
                    kind = k;
                    due = d;
                }
            }
        }

        /// <summary>
        /// The escalation service runs every minute: just after the limit, or just after the step that
        /// made an already passed limit pending (a case judged valid on review has a report to make).
        /// </summary>
        private DateTime FlaggedAt(DateTime due)
        {
            var at = Seconds(due).AddSeconds(30);
            var last = _lastRecorded.AddSeconds(30);
            return at > last ? at : last;
        }

        private DateTime _lastRecorded = DateTime.MinValue;

        private void Record(DateTime at, DemoPerson actor, string action, string note, ComplaintStatus? status, Action<DateTime>? apply)
        {
            var utc = f._clock.ToUtc(at);
            _lastRecorded = at;
            c.Steps.Add(new DemoStep(utc, actor, action, note));
            if (status is { } s) c.Status = s;
            c.UpdatedUtc = utc;
            apply?.Invoke(utc);
            if (c.Status == ComplaintStatus.Closed) c.IsOverdue = false;
        }
    }
}
