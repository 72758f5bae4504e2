using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <summary>
    /// The dashboard's two largest reads after the durations (issue 10, whole dashboard p95 ≤ 250 ms for a year at 1M
    /// cases): the complaint cohort scanned ~200,000 cases a year (~75 ms) and the duration cache's month stamps them again
    /// (~28 ms); the handling rate ~45,000 issues (~35 ms). ComplaintMonthTotals (month of receipt, category, responsible
    /// department or 0, channel → the cohort's counts and the sum of versions) and RevisitIssueDayTotals (Beijing day of
    /// raising, the issue's task kind and clerk or "" → raised, handled) are kept by SQLite triggers whoever writes (the
    /// forms, the import, the generator, raw SQL), in the writer's transaction. A group's row is removed when its count
    /// falls to 0, so the totals list exactly the groups the scans find. Existing rows backfilled.
    /// </summary>
    public partial class KpiMonthTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The duration cache's stamps come from the month totals now.
            migrationBuilder.DropIndex(
                name: "IX_Complaints_KpiStamp",
                table: "Complaints");

            migrationBuilder.CreateTable(
                name: "ComplaintMonthTotals",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Valid = table.Column<int>(type: "INTEGER", nullable: false),
                    RepliedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    RepliedLate = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedLate = table.Column<int>(type: "INTEGER", nullable: false),
                    Feedback = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    Versions = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintMonthTotals", x => new { x.Month, x.CategoryId, x.DepartmentId, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "RevisitIssueDayTotals",
                columns: table => new
                {
                    RaisedDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClerkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Raised = table.Column<int>(type: "INTEGER", nullable: false),
                    Handled = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitIssueDayTotals", x => new { x.RaisedDay, x.Kind, x.ClerkId });
                });

            migrationBuilder.Sql($"""
                CREATE TRIGGER Complaints_MonthTotals_Insert AFTER INSERT ON Complaints BEGIN
                    {AddComplaint("NEW")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Complaints_MonthTotals_Delete AFTER DELETE ON Complaints BEGIN
                    {RemoveComplaint("OLD")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Complaints_MonthTotals_Update
                AFTER UPDATE OF ReceivedMonth, CategoryId, ResponsibleDepartmentId, Channel, IsValid, ReplyOnTime, CloseOnTime, FirstFeedbackSatisfied,
                    ReopenCount, Version ON Complaints BEGIN
                    {RemoveComplaint("OLD")}
                    {AddComplaint("NEW")}
                END;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO ComplaintMonthTotals ({ComplaintColumns})
                SELECT {ComplaintKey("c")}, count(*), {string.Join(", ", ComplaintCounts("c").Skip(1).Select(e => $"sum({e})"))}
                FROM Complaints AS c GROUP BY {ComplaintKey("c")};
                """);

            // An issue's kind and clerk are filled by the triggers of RevisitIssueTaskKindClerk (after the insert, in an
            // order SQLite does not promise): the insert counts the task's kind and clerk read from the task, and the
            // update ignores that first fill (TaskKind '' before it) and counts every later change.
            migrationBuilder.Sql($"""
                CREATE TRIGGER RevisitIssues_DayTotals_Insert AFTER INSERT ON RevisitIssues BEGIN
                    INSERT INTO RevisitIssueDayTotals (RaisedDay, Kind, ClerkId, Raised, Handled)
                    SELECT date(NEW.RaisedAt, '+8 hours'), t.Kind, ifnull(CASE WHEN t.DoneById <> '' THEN t.DoneById ELSE t.AssigneeId END, ''), 1,
                        NEW.HandledAt IS NOT NULL
                    FROM RevisitTasks AS t WHERE t.Id = NEW.RevisitTaskId
                    ON CONFLICT (RaisedDay, Kind, ClerkId) DO UPDATE SET Raised = Raised + 1, Handled = Handled + excluded.Handled;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER RevisitIssues_DayTotals_Delete AFTER DELETE ON RevisitIssues WHEN OLD.TaskKind <> '' BEGIN
                    {RemoveIssue("OLD")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER RevisitIssues_DayTotals_Update AFTER UPDATE OF RaisedAt, HandledAt, TaskKind, TaskClerk ON RevisitIssues
                WHEN OLD.TaskKind <> '' AND (NEW.RaisedAt IS NOT OLD.RaisedAt OR (NEW.HandledAt IS NULL) <> (OLD.HandledAt IS NULL)
                    OR NEW.TaskKind IS NOT OLD.TaskKind OR NEW.TaskClerk IS NOT OLD.TaskClerk)
                BEGIN
                    {RemoveIssue("OLD")}
                    INSERT INTO RevisitIssueDayTotals (RaisedDay, Kind, ClerkId, Raised, Handled)
                    VALUES (date(NEW.RaisedAt, '+8 hours'), NEW.TaskKind, ifnull(NEW.TaskClerk, ''), 1, NEW.HandledAt IS NOT NULL)
                    ON CONFLICT (RaisedDay, Kind, ClerkId) DO UPDATE SET Raised = Raised + 1, Handled = Handled + excluded.Handled;
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO RevisitIssueDayTotals (RaisedDay, Kind, ClerkId, Raised, Handled)
                SELECT date(RaisedAt, '+8 hours'), TaskKind, ifnull(TaskClerk, ''), count(*), count(HandledAt)
                FROM RevisitIssues GROUP BY 1, 2, 3;
                """);
        }

        private const string ComplaintColumns =
            "Month, CategoryId, DepartmentId, Channel, Received, Valid, RepliedOnTime, RepliedLate, ClosedOnTime, ClosedLate, Feedback, Satisfied, Reopened, Versions";

        /// <summary>The group of a complaint row (<paramref name="c"/>: NEW, OLD or an alias).</summary>
        private static string ComplaintKey(string c) => $"{c}.ReceivedMonth, {c}.CategoryId, ifnull({c}.ResponsibleDepartmentId, 0), {c}.Channel";

        /// <summary>What a complaint row adds to each count of its group (the order of <see cref="ComplaintColumns"/> after the key).</summary>
        private static string[] ComplaintCounts(string c) =>
        [
            "1", $"ifnull({c}.IsValid = 1, 0)", $"ifnull({c}.ReplyOnTime = 1, 0)", $"ifnull({c}.ReplyOnTime = 0, 0)", $"ifnull({c}.CloseOnTime = 1, 0)",
            $"ifnull({c}.CloseOnTime = 0, 0)", $"{c}.FirstFeedbackSatisfied IS NOT NULL", $"ifnull({c}.FirstFeedbackSatisfied = 1, 0)", $"{c}.ReopenCount > 0",
            $"{c}.Version",
        ];

        private static readonly string[] CountColumns = ComplaintColumns.Split(", ")[4..];

        private static string AddComplaint(string c) => $"""
            INSERT INTO ComplaintMonthTotals ({ComplaintColumns})
                    SELECT {ComplaintKey(c)}, {string.Join(", ", ComplaintCounts(c))} WHERE true
                    ON CONFLICT (Month, CategoryId, DepartmentId, Channel) DO UPDATE SET
                        {string.Join(", ", CountColumns.Select(x => $"{x} = {x} + excluded.{x}"))};
            """;

        private static string RemoveComplaint(string c)
        {
            var where = $"Month = {c}.ReceivedMonth AND CategoryId = {c}.CategoryId AND DepartmentId = ifnull({c}.ResponsibleDepartmentId, 0) AND Channel = {c}.Channel";
            return $"""
                UPDATE ComplaintMonthTotals SET {string.Join(", ", CountColumns.Zip(ComplaintCounts(c), (x, e) => $"{x} = {x} - ({e})"))}
                    WHERE {where};
                    DELETE FROM ComplaintMonthTotals WHERE {where} AND Received <= 0;
                """;
        }

        private static string RemoveIssue(string i)
        {
            var where = $"RaisedDay = date({i}.RaisedAt, '+8 hours') AND Kind = {i}.TaskKind AND ClerkId = ifnull({i}.TaskClerk, '')";
            return $"""
                UPDATE RevisitIssueDayTotals SET Raised = Raised - 1, Handled = Handled - ({i}.HandledAt IS NOT NULL) WHERE {where};
                    DELETE FROM RevisitIssueDayTotals WHERE {where} AND Raised <= 0;
                """;
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "Complaints_MonthTotals_Insert", "Complaints_MonthTotals_Delete", "Complaints_MonthTotals_Update",
                "RevisitIssues_DayTotals_Insert", "RevisitIssues_DayTotals_Delete", "RevisitIssues_DayTotals_Update",
            })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            migrationBuilder.DropTable(
                name: "ComplaintMonthTotals");

            migrationBuilder.DropTable(
                name: "RevisitIssueDayTotals");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_KpiStamp",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "Version" });
        }
    }
}
