using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisitCentre : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_Kind_SubjectNumber",
                table: "RevisitTasks");

            migrationBuilder.AddColumn<string>(
                name: "AssigneeId",
                table: "RevisitTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AttemptCount",
                table: "RevisitTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CalledAt",
                table: "RevisitTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Opinions",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PeriodKey",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "QuietOverrideReason",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Respondent",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Satisfaction",
                table: "RevisitTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Suggestions",
                table: "RevisitTasks",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RevisitTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsKeyCustomer",
                table: "Customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RevisitAnswer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisitTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitAnswer_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevisitAttempt",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisitTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    QuietOverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitAttempt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitAttempt_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevisitIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisitTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredOnSpot = table.Column<bool>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReplyDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledById = table.Column<string>(type: "TEXT", nullable: false),
                    HandledByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HandledNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ComplaintNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitIssues_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevisitLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisitTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitLog_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevisitSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    QuietPeriodsText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintRevisitWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitSettings", x => x.Id);
                });

            // Existing repair revisits: the case number is their period key, closed ones are done.
            migrationBuilder.Sql("UPDATE RevisitTasks SET PeriodKey = SubjectNumber, Status = CASE WHEN DoneAt IS NULL THEN 'Open' ELSE 'Done' END;");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_AssigneeId_DoneAt_Due",
                table: "RevisitTasks",
                columns: new[] { "AssigneeId", "DoneAt", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kind_CustomerId_PeriodKey",
                table: "RevisitTasks",
                columns: new[] { "Kind", "CustomerId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_SubjectNumber",
                table: "RevisitTasks",
                column: "SubjectNumber");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitAnswer_RevisitTaskId",
                table: "RevisitAnswer",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitAttempt_RevisitTaskId",
                table: "RevisitAttempt",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_ComplaintNumber",
                table: "RevisitIssues",
                column: "ComplaintNumber");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_HandledAt_ReplyDueAt",
                table: "RevisitIssues",
                columns: new[] { "HandledAt", "ReplyDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_RaisedAt",
                table: "RevisitIssues",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_RevisitTaskId",
                table: "RevisitIssues",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitLog_RevisitTaskId_At",
                table: "RevisitLog",
                columns: new[] { "RevisitTaskId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_RevisitTasks_AspNetUsers_AssigneeId",
                table: "RevisitTasks",
                column: "AssigneeId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RevisitTasks_AspNetUsers_AssigneeId",
                table: "RevisitTasks");

            migrationBuilder.DropTable(
                name: "RevisitAnswer");

            migrationBuilder.DropTable(
                name: "RevisitAttempt");

            migrationBuilder.DropTable(
                name: "RevisitIssues");

            migrationBuilder.DropTable(
                name: "RevisitLog");

            migrationBuilder.DropTable(
                name: "RevisitSettings");

            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_AssigneeId_DoneAt_Due",
                table: "RevisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_Kind_CustomerId_PeriodKey",
                table: "RevisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_SubjectNumber",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "AttemptCount",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "CalledAt",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "Opinions",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "PeriodKey",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "QuietOverrideReason",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "Respondent",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "Satisfaction",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "Suggestions",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RevisitTasks");

            migrationBuilder.DropColumn(
                name: "IsKeyCustomer",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kind_SubjectNumber",
                table: "RevisitTasks",
                columns: new[] { "Kind", "SubjectNumber" },
                unique: true);
        }
    }
}
