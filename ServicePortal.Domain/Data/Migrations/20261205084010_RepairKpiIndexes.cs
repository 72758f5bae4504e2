using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepairKpiIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_CompletedAt",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_ReceivedMonth_ReceivedAt",
                table: "RepairOrders");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_InWarranty_RepeatOfId",
                table: "RepairOrders",
                columns: new[] { "InWarranty", "RepeatOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_KpiCompleted",
                table: "RepairOrders",
                columns: new[] { "CompletedAt", "FeedbackSlipOnTime", "FeedbackSlipAt", "FeedbackSlipDue", "CompletionWorkingMinutes", "CompletionMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_KpiReceived",
                table: "RepairOrders",
                columns: new[] { "ReceivedMonth", "ReceivedAt", "RepeatOfId", "AppointmentsKept", "AppointmentsMissed", "QuoteApprovalWorkingMinutes", "QuoteApprovalMinutes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_InWarranty_RepeatOfId",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_KpiCompleted",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_KpiReceived",
                table: "RepairOrders");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_CompletedAt",
                table: "RepairOrders",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ReceivedMonth_ReceivedAt",
                table: "RepairOrders",
                columns: new[] { "ReceivedMonth", "ReceivedAt" });
        }
    }
}
