using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpiFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CloseOnTime",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstFeedbackSatisfied",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseMinutes",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseWorkingMinutes",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReplyOnTime",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionMinutes",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionWorkingMinutes",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            // Cases already in the store: the facts SQL can compute (working minutes need the working
            // calendar; cases answered or closed from now on get them when the step happens).
            migrationBuilder.Sql("""
                UPDATE Complaints SET
                    FirstResponseMinutes = CASE WHEN FirstRepliedAt IS NULL THEN NULL
                        ELSE MAX(0, CAST(ROUND((julianday(FirstRepliedAt) - julianday(ReceivedAt)) * 1440) AS INTEGER)) END,
                    ReplyOnTime = CASE WHEN FirstRepliedAt IS NULL THEN NULL
                        ELSE FirstRepliedAt <= CASE WHEN ReplyDue IS NOT NULL AND ReplyDue < PromisedReplyAt THEN ReplyDue ELSE PromisedReplyAt END END,
                    ResolutionMinutes = CASE WHEN ClosedAt IS NULL THEN NULL
                        ELSE MAX(0, CAST(ROUND((julianday(ClosedAt) - julianday(ReceivedAt)) * 1440) AS INTEGER)) END,
                    CloseOnTime = CASE WHEN ClosedAt IS NULL THEN NULL ELSE CloseDue IS NULL OR ClosedAt <= CloseDue END,
                    FirstFeedbackSatisfied = (SELECT f.Satisfied FROM ComplaintFeedback AS f WHERE f.ComplaintId = Complaints.Id ORDER BY f.At, f.Round LIMIT 1);
                """);

            migrationBuilder.CreateTable(
                name: "KpiMonthlyBases",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveCustomers = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiMonthlyBases", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "KpiSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidRateBase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Kpi",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "CategoryId", "ResponsibleDepartmentId", "Channel", "ReceivedAt", "IsValid", "ReplyOnTime", "CloseOnTime", "FirstFeedbackSatisfied", "ReopenCount", "FirstResponseWorkingMinutes", "FirstResponseMinutes", "ResolutionWorkingMinutes", "ResolutionMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ResponsiblePerson",
                table: "Complaints",
                columns: new[] { "ResponsiblePersonId", "ReceivedAt", "IsValid", "ResponsibleDepartmentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KpiMonthlyBases");

            migrationBuilder.DropTable(
                name: "KpiSettings");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Kpi",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ResponsiblePerson",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CloseOnTime",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "FirstFeedbackSatisfied",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "FirstResponseMinutes",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "FirstResponseWorkingMinutes",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ReplyOnTime",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ResolutionMinutes",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ResolutionWorkingMinutes",
                table: "Complaints");
        }
    }
}
