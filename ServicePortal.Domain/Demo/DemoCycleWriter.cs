using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// The complaint-cycle part of <see cref="DemoDataWriter"/>: the cycle's columns of a complaint and
/// its investigations, proposals (with items and approvals), replies, feedback and extensions, with
/// prepared INSERTs on the writer's connection and transaction. Formats are EF Core's: enums as
/// their names, decimals as text ("300.0", Microsoft.Data.Sqlite's binding), DateTime as text.
/// </summary>
internal sealed class DemoCycleWriter(SqliteConnection connection) : IDisposable
{
    /// <summary>The cycle's columns of Complaints, in the order <see cref="SetComplaintColumns"/> fills them.</summary>
    public static readonly string[] ComplaintColumns =
    [
        "IsValid", "JudgementReason", "NotValidExplanation", "ResponsiblePersonId", "ResponsiblePersonName", "Round", "ReopenCount",
        "ReplyDue", "ReportDue", "CloseDue", "FirstRepliedAt", "FirstReportedAt", "ClosedAt", "IsOverdue",
        // KPI facts (see Complaint.RecordKpiFacts), computed here the same way.
        "FirstResponseMinutes", "FirstResponseWorkingMinutes", "ResolutionMinutes", "ResolutionWorkingMinutes",
        "ReplyOnTime", "CloseOnTime", "FirstFeedbackSatisfied",
    ];

    private readonly List<SqliteCommand> _commands = [];
    private SqliteCommand _investigation = null!;
    private SqliteCommand _proposal = null!;
    private SqliteCommand _item = null!;
    private SqliteCommand _approval = null!;
    private SqliteCommand _reply = null!;
    private SqliteCommand _feedback = null!;
    private SqliteCommand _extension = null!;
    private int _nextProposalId;

    /// <summary>Rows written to the cycle's tables.</summary>
    public int Rows { get; private set; }

    public SqliteTransaction? Transaction
    {
        set
        {
            foreach (var command in _commands) command.Transaction = value;
        }
    }

    /// <summary>Prepares the INSERTs; call before a transaction is open (it reads the next proposal id).</summary>
    public void Prepare()
    {
        using (var max = connection.CreateCommand())
        {
            max.CommandText = "SELECT IFNULL(MAX(Id), 0) + 1 FROM ResolutionProposals";
            _nextProposalId = Convert.ToInt32(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        _investigation = Insert("ComplaintInvestigation", "ComplaintId", "Round", "Cause", "CauseType", "ResponsibleParty", "Measures", "ById", "ByName", "At");
        _proposal = Insert("ResolutionProposals", "Id", "ComplaintId", "Round", "TotalAmount", "RequiredLevel", "Status", "ById", "ByName", "At");
        _item = Insert("ResolutionItem", "ProposalId", "Kind", "Amount", "Description");
        _approval = Insert("ProposalApproval", "ProposalId", "Level", "Approved", "Reason", "ById", "ByName", "At");
        _reply = Insert("ComplaintReply", "ComplaintId", "Round", "Method", "RepliedAt", "Content", "ById", "ByName");
        _feedback = Insert("ComplaintFeedback", "ComplaintId", "Round", "Satisfied", "Note", "ById", "ByName", "At");
        _extension = Insert("DeadlineExtensions", "ComplaintId", "Reason", "PreviousDue", "RequestedDue", "RequestedById", "RequestedByName",
            "RequestedAt", "Status", "DecidedById", "DecidedByName", "DecidedAt", "DecisionReason");
    }

    /// <summary>Fills the cycle's columns of the complaint INSERT, from parameter <paramref name="first"/> on.</summary>
    public static void SetComplaintColumns(SqliteParameterCollection p, int first, DemoComplaint c, WorkingCalendar calendar)
    {
        p[first].Value = c.IsValid is { } valid ? valid : DBNull.Value;
        p[first + 1].Value = c.JudgementReason;
        p[first + 2].Value = c.NotValidExplanation;
        p[first + 3].Value = (object?)c.ResponsiblePerson?.Id ?? DBNull.Value;
        p[first + 4].Value = (object?)c.ResponsiblePerson?.DisplayName ?? DBNull.Value;
        p[first + 5].Value = c.Round;
        p[first + 6].Value = c.ReopenCount;
        p[first + 7].Value = Nullable(c.ReplyDueUtc);
        p[first + 8].Value = Nullable(c.ReportDueUtc);
        p[first + 9].Value = c.CloseDueUtc;
        p[first + 10].Value = Nullable(c.FirstRepliedUtc);
        p[first + 11].Value = Nullable(c.FirstReportedUtc);
        p[first + 12].Value = Nullable(c.ClosedUtc);
        p[first + 13].Value = c.IsOverdue;
        var zone = PortalClock.Beijing;
        if (c.FirstRepliedUtc is { } replied)
        {
            var (minutes, working) = KpiDurations.Between(c.ReceivedUtc, replied, calendar, zone);
            p[first + 14].Value = minutes;
            p[first + 15].Value = working;
            p[first + 18].Value = replied <= DeadlineRules.Compiled.ReplyLimit(new CaseClock(c.Status, c.IsOverdue, c.IsValid, c.PromisedUtc, c.ReplyDueUtc, c.ReportDueUtc, c.CloseDueUtc, c.FirstRepliedUtc, c.FirstReportedUtc, c.ClosedUtc));
        }
        else
        {
            p[first + 14].Value = p[first + 15].Value = p[first + 18].Value = DBNull.Value;
        }
        if (c.ClosedUtc is { } closed)
        {
            var (minutes, working) = KpiDurations.Between(c.ReceivedUtc, closed, calendar, zone);
            p[first + 16].Value = minutes;
            p[first + 17].Value = working;
            p[first + 19].Value = closed <= c.CloseDueUtc;
        }
        else
        {
            p[first + 16].Value = p[first + 17].Value = p[first + 19].Value = DBNull.Value;
        }
        p[first + 20].Value = c.Feedbacks.Count > 0 ? c.Feedbacks.OrderBy(f => f.AtUtc).ThenBy(f => f.Round).First().Satisfied : DBNull.Value;
    }

    /// <summary>Writes the cycle's records of a complaint whose row (and <see cref="DemoComplaint.Id"/>) exists.</summary>
    public void Write(DemoComplaint c)
    {
        foreach (var i in c.Investigations)
            Run(_investigation, c.Id, i.Round, i.Cause, CauseTypes[(int)i.CauseType], i.ResponsibleParty, i.Measures, i.By.Id, i.By.DisplayName, i.AtUtc);
        foreach (var proposal in c.Proposals)
        {
            proposal.Id = _nextProposalId++;
            Run(_proposal, proposal.Id, c.Id, proposal.Round, proposal.Total, Levels[(int)proposal.RequiredLevel], ProposalStatuses[(int)proposal.Status],
                proposal.By.Id, proposal.By.DisplayName, proposal.AtUtc);
            foreach (var item in proposal.Items)
                Run(_item, proposal.Id, Kinds[(int)item.Kind], item.Amount, item.Description);
            foreach (var a in proposal.Approvals)
                Run(_approval, proposal.Id, Levels[(int)a.Level], a.Approved, a.Reason, a.By.Id, a.By.DisplayName, a.AtUtc);
        }
        foreach (var r in c.Replies)
            Run(_reply, c.Id, r.Round, Methods[(int)r.Method], r.RepliedAtUtc, r.Content, r.By.Id, r.By.DisplayName);
        foreach (var f in c.Feedbacks)
            Run(_feedback, c.Id, f.Round, f.Satisfied, f.Note, f.By.Id, f.By.DisplayName, f.AtUtc);
        foreach (var e in c.Extensions)
        {
            Run(_extension, c.Id, e.Reason, e.PreviousDueUtc, e.RequestedDueUtc, e.By.Id, e.By.DisplayName, e.RequestedAtUtc,
                ExtensionStatuses[(int)e.Status], (object?)e.DecidedBy?.Id ?? DBNull.Value, (object?)e.DecidedBy?.DisplayName ?? DBNull.Value,
                Nullable(e.DecidedAtUtc), e.DecisionReason);
        }
    }

    private void Run(SqliteCommand command, params ReadOnlySpan<object> values)
    {
        var p = command.Parameters;
        for (var i = 0; i < values.Length; i++) p[i].Value = values[i];
        command.ExecuteNonQuery();
        Rows++;
    }

    private SqliteCommand Insert(string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$c{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$c{i}";
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        _commands.Add(command);
        return command;
    }

    private static object Nullable(DateTime? value) => value is { } v ? v : DBNull.Value;

    private static readonly string[] CauseTypes = Enum.GetNames<CauseType>();
    private static readonly string[] Levels = Enum.GetNames<ApprovalLevel>();
    private static readonly string[] ProposalStatuses = Enum.GetNames<ProposalStatus>();
    private static readonly string[] Kinds = Enum.GetNames<ResolutionKind>();
    private static readonly string[] Methods = Enum.GetNames<ReplyMethod>();
    private static readonly string[] ExtensionStatuses = Enum.GetNames<ExtensionStatus>();

    public void Dispose()
    {
        foreach (var command in _commands) command.Dispose();
    }
}
