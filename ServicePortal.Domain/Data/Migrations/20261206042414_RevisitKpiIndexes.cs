using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisitKpiIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kpi",
                table: "RevisitTasks",
                columns: new[] { "Due", "Kind", "Status", "DoneAt", "DoneById", "AssigneeId", "Satisfaction" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_Kpi",
                table: "RevisitIssues",
                columns: new[] { "RaisedAt", "HandledAt", "RevisitTaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_Kpi",
                table: "RevisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_RevisitIssues_Kpi",
                table: "RevisitIssues");
        }
    }
}
