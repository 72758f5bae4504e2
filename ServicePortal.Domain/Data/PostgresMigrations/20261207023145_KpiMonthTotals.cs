using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.PostgresMigrations
{
    /// <summary>
    /// The PostgreSQL side of the SQLite migrations KpiMonthTotals and RevisitRegisterMaybeLate: the complaints' month totals and the
    /// revisit issues' day totals with their triggers (<see cref="PostgresStoreSql.ComplaintMonthTotals"/>,
    /// <see cref="PostgresStoreSql.RevisitIssueDayTotals"/>), and the register's partial index of tasks that may be late.
    /// </summary>
    public partial class KpiMonthTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_KpiStamp",
                table: "Complaints");

            migrationBuilder.CreateTable(
                name: "ComplaintMonthTotals",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Valid = table.Column<int>(type: "integer", nullable: false),
                    RepliedOnTime = table.Column<int>(type: "integer", nullable: false),
                    RepliedLate = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ClosedLate = table.Column<int>(type: "integer", nullable: false),
                    Feedback = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    Versions = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintMonthTotals", x => new { x.Month, x.CategoryId, x.DepartmentId, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "RevisitIssueDayTotals",
                columns: table => new
                {
                    RaisedDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClerkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Raised = table.Column<int>(type: "integer", nullable: false),
                    Handled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitIssueDayTotals", x => new { x.RaisedDay, x.Kind, x.ClerkId });
                });

            migrationBuilder.Sql(PostgresStoreSql.ComplaintMonthTotals);
            migrationBuilder.Sql(PostgresStoreSql.RevisitIssueDayTotals);

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_MaybeLate",
                table: "RevisitTasks",
                columns: new[] { "Due", "DoneAt" },
                filter: "\"DoneAt\" IS NULL OR \"DoneAt\" > \"Due\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresStoreSql.DropMonthTotals);
            migrationBuilder.DropTable(
                name: "ComplaintMonthTotals");

            migrationBuilder.DropTable(
                name: "RevisitIssueDayTotals");

            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_MaybeLate",
                table: "RevisitTasks");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_KpiStamp",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "Version" });
        }
    }
}
