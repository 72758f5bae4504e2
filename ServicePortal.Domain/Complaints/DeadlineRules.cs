using System.Linq.Expressions;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// What a case's time limits depend on: its stage, whether it is flagged and judged valid, the limits
/// (SPEC C-9) and the events that meet them. Its members are named as the <see cref="Complaint"/>
/// columns, so each rule of <see cref="DeadlineRules"/> runs in C# on a clock and in SQL on the table.
/// </summary>
public sealed record CaseClock(
    ComplaintStatus Status, bool IsOverdue, bool? IsValid,
    DateTime PromisedReplyAt, DateTime? ReplyDue, DateTime? ReportDue, DateTime? CloseDue,
    DateTime? FirstRepliedAt, DateTime? FirstReportedAt, DateTime? ClosedAt)
{
    /// <summary>The clock of a complaint, for projections (see <see cref="Expressions.With{T,TPart,TResult}"/>).</summary>
    public static readonly Expression<Func<Complaint, CaseClock>> Of = c => new CaseClock(
        c.Status, c.IsOverdue, c.IsValid, c.PromisedReplyAt, c.ReplyDue, c.ReportDue, c.CloseDue, c.FirstRepliedAt, c.FirstReportedAt, c.ClosedAt);

    internal static readonly Func<Complaint, CaseClock> From = Of.Compile();

    /// <summary>Every limit the case has (those with a due time), in the order of <see cref="DeadlineKind"/>.</summary>
    public IReadOnlyList<CaseLimit> Limits => DeadlineRules.LimitsOf(this);

    /// <summary>The limits that apply and are not met yet.</summary>
    public IEnumerable<CaseLimit> Pending => Limits.Where(l => l.Pending);

    /// <summary>See <see cref="DeadlineRules.Overdue"/>.</summary>
    public bool OverdueAt(DateTime now) => DeadlineRules.Compiled.Overdue(this, now);

    /// <summary>See <see cref="DeadlineRules.ReplyLimit"/>.</summary>
    public DateTime ReplyLimit => DeadlineRules.Compiled.ReplyLimit(this);
}

/// <summary>One time limit of a case, as its rules see it.</summary>
/// <param name="MetAt">when its event (answer, report, closing) happened; null while it has not.</param>
/// <param name="Applies">false for a limit the case has no event for (the report of a case judged not valid).</param>
public readonly record struct CaseLimit(DeadlineKind Kind, DateTime Due, DateTime? MetAt, bool Applies)
{
    private DeadlineRules.LimitFacts Facts => new(Due, MetAt, Applies);

    /// <summary>See <see cref="DeadlineRules.Pending"/>.</summary>
    public bool Pending => DeadlineRules.Compiled.Pending(Facts);

    /// <summary>See <see cref="DeadlineRules.PassedBefore"/>: overdue at <paramref name="now"/>.</summary>
    public bool PassedAt(DateTime now) => DeadlineRules.Compiled.PassedBefore(Facts, now);

    /// <summary>See <see cref="DeadlineRules.PassedBy"/>: overdue at <paramref name="t"/>, or due exactly then.</summary>
    public bool PassedBy(DateTime t) => DeadlineRules.Compiled.PassedBy(Facts, t);

    /// <summary>See <see cref="DeadlineRules.Missed"/>.</summary>
    public bool MissedAt(DateTime now) => DeadlineRules.Compiled.Missed(Facts, now);
}

/// <summary>
/// The time-limit rules of the complaint cycle, each written once as an expression: the database
/// evaluates them on <see cref="Complaint"/> columns (board, register, dashboard, escalation: see
/// <see cref="Sql"/>), C# on a <see cref="CaseClock"/> or <see cref="CaseLimit"/> (case page, board
/// cards, escalation levels, the API's overdue flags).
/// </summary>
public static class DeadlineRules
{
    /// <summary>One limit: when it is due, when its event happened, whether it applies.</summary>
    public sealed record LimitFacts(DateTime? Due, DateTime? MetAt, bool Applies);

    // ---- one limit ---------------------------------------------------------------------------

    /// <summary>A limit is pending while it applies and its event has not happened.</summary>
    public static readonly Expression<Func<LimitFacts, bool>> Pending = l => l.Applies && l.MetAt == null;

    /// <summary>A limit has passed before <c>t</c>: pending, and due before it (overdue at <c>t</c>).</summary>
    public static readonly Expression<Func<LimitFacts, DateTime, bool>> PassedBefore =
        Expressions.Expand<Func<LimitFacts, DateTime, bool>>((l, t) => Pending.Invoke(l) && l.Due < t);

    /// <summary>A limit has passed by <c>t</c>: pending, and due at or before it (escalation's look-ahead).</summary>
    public static readonly Expression<Func<LimitFacts, DateTime, bool>> PassedBy =
        Expressions.Expand<Func<LimitFacts, DateTime, bool>>((l, t) => Pending.Invoke(l) && l.Due <= t);

    /// <summary>A limit was missed: it applies and its event came after it, or has not come and <c>now</c> is after it.</summary>
    public static readonly Expression<Func<LimitFacts, DateTime, bool>> Missed = (l, now) => l.Applies && l.Due < (l.MetAt ?? now);

    // ---- the limits of a case ----------------------------------------------------------------

    private sealed record Limit(
        DeadlineKind Kind,
        Expression<Func<CaseClock, DateTime?>> Due,
        Expression<Func<CaseClock, DateTime?>> MetAt,
        Expression<Func<CaseClock, bool>> Applies);

    /// <summary>Each limit, when it is due and which event meets it.</summary>
    private static readonly Limit[] Table =
    [
        new(DeadlineKind.PromisedReply, c => c.PromisedReplyAt, c => c.FirstRepliedAt, c => true),
        new(DeadlineKind.Reply, c => c.ReplyDue, c => c.FirstRepliedAt, c => true),
        // A case judged not valid is not investigated: it has no report to make.
        new(DeadlineKind.Report, c => c.ReportDue, c => c.FirstReportedAt, c => c.IsValid != false),
        new(DeadlineKind.Close, c => c.CloseDue, c => c.ClosedAt, c => true),
    ];

    /// <summary>The case is not closed.</summary>
    public static readonly Expression<Func<CaseClock, bool>> Open = c => ComplaintText.OpenStatuses.Contains(c.Status);

    /// <summary>Some limit of the case has passed before <c>t</c>.</summary>
    public static readonly Expression<Func<CaseClock, DateTime, bool>> AnyPassedBefore = AnyLimit(PassedBefore);

    /// <summary>Some limit of the case has passed by <c>t</c>.</summary>
    public static readonly Expression<Func<CaseClock, DateTime, bool>> AnyPassedBy = AnyLimit(PassedBy);

    /// <summary>
    /// Overdue at <c>now</c>: open, and flagged by escalation or past a limit not met (promised reply,
    /// reply, report, close) — the board's red cards, the register's and the dashboard's "overdue".
    /// </summary>
    public static readonly Expression<Func<CaseClock, DateTime, bool>> Overdue = Expressions.Expand<Func<CaseClock, DateTime, bool>>((c, now) =>
        Open.Invoke(c) && (c.IsOverdue || AnyPassedBefore.Invoke(c, now)));

    /// <summary>Due later today: open, not overdue at <c>now</c>, and a limit not met falls before <c>end</c> (the end of today).</summary>
    public static readonly Expression<Func<CaseClock, DateTime, DateTime, bool>> DueToday = Expressions.Expand<Func<CaseClock, DateTime, DateTime, bool>>((c, now, end) =>
        Open.Invoke(c) && !c.IsOverdue && !AnyPassedBefore.Invoke(c, now) && AnyPassedBefore.Invoke(c, end));

    /// <summary>The limit a first answer is measured against: the earlier of the promised reply time and the reply limit.</summary>
    public static readonly Expression<Func<CaseClock, DateTime>> ReplyLimit = c =>
        c.ReplyDue != null && c.ReplyDue < c.PromisedReplyAt ? c.ReplyDue.Value : c.PromisedReplyAt;

    /// <summary>"Some limit, rule(limit, t)": the rule applied to each limit of the table, or-ed.</summary>
    private static Expression<Func<CaseClock, DateTime, bool>> AnyLimit(Expression<Func<LimitFacts, DateTime, bool>> rule)
    {
        var c = Expression.Parameter(typeof(CaseClock), "c");
        var t = rule.Parameters[1];
        var body = Table.Select(limit => Expressions.Substitute(rule.Body, rule.Parameters[0], new Dictionary<string, Expression>
            {
                [nameof(LimitFacts.Due)] = Expressions.Replace(limit.Due.Body, limit.Due.Parameters[0], c),
                [nameof(LimitFacts.MetAt)] = Expressions.Replace(limit.MetAt.Body, limit.MetAt.Parameters[0], c),
                [nameof(LimitFacts.Applies)] = Expressions.Replace(limit.Applies.Body, limit.Applies.Parameters[0], c),
            }))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<CaseClock, DateTime, bool>>(body, c, t);
    }

    // ---- on complaints, in SQL ---------------------------------------------------------------

    /// <summary>The rules as filters and values of <see cref="Complaint"/> rows, their times as query parameters.</summary>
    public static class Sql
    {
        public static Expression<Func<Complaint, bool>> Open { get; } = Expressions.Bind<CaseClock, Complaint, bool>(DeadlineRules.Open);

        public static Expression<Func<Complaint, DateTime>> ReplyLimit { get; } = Expressions.Bind<CaseClock, Complaint, DateTime>(DeadlineRules.ReplyLimit);

        public static Expression<Func<Complaint, bool>> Overdue(DateTime now) => Expressions.Bind<CaseClock, Complaint, DateTime, bool>(DeadlineRules.Overdue, now);

        public static Expression<Func<Complaint, bool>> DueToday(DateTime now, DateTime endOfToday) =>
            Expressions.Bind<CaseClock, Complaint, DateTime, bool>(DeadlineRules.DueToday, now, endOfToday);

        /// <summary>Some limit not met falls at or before <paramref name="t"/> (escalation's candidates).</summary>
        public static Expression<Func<Complaint, bool>> AnyPassedBy(DateTime t) => Expressions.Bind<CaseClock, Complaint, DateTime, bool>(DeadlineRules.AnyPassedBy, t);

        /// <summary>Open, the first answer not stored as on time or late yet, and the reply limit before <paramref name="now"/>.</summary>
        public static Expression<Func<Complaint, bool>> ReplyPendingLate(DateTime now) =>
            Expressions.Bind<Complaint, Complaint, DateTime, bool>(ReplyPendingLateRule, now);

        /// <summary>Open, not stored as closed on time or late yet, and the closing limit before <paramref name="now"/>.</summary>
        public static Expression<Func<Complaint, bool>> ClosePendingLate(DateTime now) =>
            Expressions.Bind<Complaint, Complaint, DateTime, bool>(ClosePendingLateRule, now);

        private static readonly Expression<Func<Complaint, DateTime, bool>> ReplyPendingLateRule = Expressions.Expand<Func<Complaint, DateTime, bool>>((c, now) =>
            c.ReplyOnTime == null && Open.Invoke(c) && ReplyLimit.Invoke(c) < now);

        private static readonly Expression<Func<Complaint, DateTime, bool>> ClosePendingLateRule = Expressions.Expand<Func<Complaint, DateTime, bool>>((c, now) =>
            c.CloseOnTime == null && Open.Invoke(c) && c.CloseDue < now);

        /// <summary>
        /// The next limit not met as far as one SQL expression tells it (the first pending limit in the
        /// table's order); the board orders its cards by it, and each card then finds its next limit exactly.
        /// </summary>
        public static Expression<Func<Complaint, DateTime?>> NextDueKey { get; } = Expressions.Bind<CaseClock, Complaint, DateTime?>(FirstPendingDue());
    }

    private static Expression<Func<CaseClock, DateTime?>> FirstPendingDue()
    {
        var c = Expression.Parameter(typeof(CaseClock), "c");
        Expression key = Expression.Convert(Expression.Property(c, nameof(CaseClock.PromisedReplyAt)), typeof(DateTime?));
        foreach (var limit in Table.Reverse())
        {
            var facts = new Dictionary<string, Expression>
            {
                [nameof(LimitFacts.MetAt)] = Expressions.Replace(limit.MetAt.Body, limit.MetAt.Parameters[0], c),
                [nameof(LimitFacts.Applies)] = Expressions.Replace(limit.Applies.Body, limit.Applies.Parameters[0], c),
            };
            var pending = Expressions.Substitute(Pending.Body, Pending.Parameters[0], facts);
            var due = Expressions.Replace(limit.Due.Body, limit.Due.Parameters[0], c);
            key = Expression.Condition(Expression.AndAlso(pending, Expression.NotEqual(due, Expression.Constant(null, typeof(DateTime?)))), due, key);
        }
        return Expression.Lambda<Func<CaseClock, DateTime?>>(key, c);
    }

    // ---- in C# -------------------------------------------------------------------------------

    /// <summary>The rules compiled once, for clocks and limits in memory.</summary>
    internal static class Compiled
    {
        public static readonly Func<LimitFacts, bool> Pending = DeadlineRules.Pending.Compile();
        public static readonly Func<LimitFacts, DateTime, bool> PassedBefore = DeadlineRules.PassedBefore.Compile();
        public static readonly Func<LimitFacts, DateTime, bool> PassedBy = DeadlineRules.PassedBy.Compile();
        public static readonly Func<LimitFacts, DateTime, bool> Missed = DeadlineRules.Missed.Compile();
        public static readonly Func<CaseClock, DateTime, bool> Overdue = DeadlineRules.Overdue.Compile();
        public static readonly Func<CaseClock, DateTime> ReplyLimit = DeadlineRules.ReplyLimit.Compile();

        public static readonly (DeadlineKind Kind, Func<CaseClock, DateTime?> Due, Func<CaseClock, DateTime?> MetAt, Func<CaseClock, bool> Applies)[] Limits =
            [.. Table.Select(l => (l.Kind, l.Due.Compile(), l.MetAt.Compile(), l.Applies.Compile()))];
    }

    internal static IReadOnlyList<CaseLimit> LimitsOf(CaseClock clock)
    {
        var list = new List<CaseLimit>(Compiled.Limits.Length);
        foreach (var (kind, due, metAt, applies) in Compiled.Limits)
        {
            if (due(clock) is { } d) list.Add(new CaseLimit(kind, d, metAt(clock), applies(clock)));
        }
        return list;
    }
}
