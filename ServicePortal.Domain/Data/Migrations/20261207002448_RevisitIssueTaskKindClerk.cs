using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <summary>
    /// The dashboard's handling rate (RevisitKpiQueries.IssuesAsync) grouped the period's issues by their task's kind and
    /// clerk through a join: ~100 ms for a year at 1M cases. RevisitIssues.TaskKind and TaskClerk (who closed the task, or
    /// who has it while open; NULL: the shared pile) now hold them, kept by SQLite triggers whoever writes (the forms, the
    /// generator, raw SQL): copied from the task when an issue is added (or moved to another task), and updated on the
    /// task's issues when its kind, closer or assignee changes. EF never writes these columns. Existing issues backfilled.
    /// </summary>
    public partial class RevisitIssueTaskKindClerk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RevisitIssues_Kpi",
                table: "RevisitIssues");

            migrationBuilder.AddColumn<string>(
                name: "TaskClerk",
                table: "RevisitIssues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TaskKind",
                table: "RevisitIssues",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // The issues already there.
            migrationBuilder.Sql($"UPDATE RevisitIssues SET {FromTask("RevisitIssues.RevisitTaskId")};");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_Kpi",
                table: "RevisitIssues",
                columns: new[] { "RaisedAt", "TaskKind", "TaskClerk", "HandledAt" });

            migrationBuilder.Sql($"""
                CREATE TRIGGER RevisitIssues_TaskKindClerk_Insert AFTER INSERT ON RevisitIssues BEGIN
                    UPDATE RevisitIssues SET {FromTask("NEW.RevisitTaskId")} WHERE Id = NEW.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER RevisitIssues_TaskKindClerk_Move AFTER UPDATE OF RevisitTaskId ON RevisitIssues BEGIN
                    UPDATE RevisitIssues SET {FromTask("NEW.RevisitTaskId")} WHERE Id = NEW.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER RevisitTasks_IssueKindClerk_Update AFTER UPDATE OF Kind, DoneById, AssigneeId ON RevisitTasks
                WHEN NEW.Kind IS NOT OLD.Kind OR {Clerk("NEW")} IS NOT {Clerk("OLD")}
                BEGIN
                    UPDATE RevisitIssues SET TaskKind = NEW.Kind, TaskClerk = {Clerk("NEW")} WHERE RevisitTaskId = NEW.Id;
                END;
                """);
        }

        /// <summary>The clerk of a task row (RevisitKpiQueries: who closed it, or who has it while open).</summary>
        private static string Clerk(string t) => $"CASE WHEN {t}.DoneById <> '' THEN {t}.DoneById ELSE {t}.AssigneeId END";

        /// <summary>The SET list copying the kind and clerk of the task <paramref name="taskId"/>.</summary>
        private static string FromTask(string taskId) =>
            $"(TaskKind, TaskClerk) = (SELECT t.Kind, {Clerk("t")} FROM RevisitTasks AS t WHERE t.Id = {taskId})";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "RevisitIssues_TaskKindClerk_Insert", "RevisitIssues_TaskKindClerk_Move", "RevisitTasks_IssueKindClerk_Update" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            migrationBuilder.DropIndex(
                name: "IX_RevisitIssues_Kpi",
                table: "RevisitIssues");

            migrationBuilder.DropColumn(
                name: "TaskClerk",
                table: "RevisitIssues");

            migrationBuilder.DropColumn(
                name: "TaskKind",
                table: "RevisitIssues");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_Kpi",
                table: "RevisitIssues",
                columns: new[] { "RaisedAt", "HandledAt", "RevisitTaskId" });
        }
    }
}
