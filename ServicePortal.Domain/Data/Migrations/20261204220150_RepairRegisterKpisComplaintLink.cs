using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepairRegisterKpisComplaintLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AppointmentsKept",
                table: "RepairOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AppointmentsMissed",
                table: "RepairOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CompletionMinutes",
                table: "RepairOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompletionWorkingMinutes",
                table: "RepairOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FeedbackSlipOnTime",
                table: "RepairOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuoteApprovalMinutes",
                table: "RepairOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuoteApprovalWorkingMinutes",
                table: "RepairOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepairNumber",
                table: "Complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // SQLite adds a column with its REFERENCES clause in place; EF's AddForeignKey would rebuild
            // the whole Complaints table (a copy of every complaint, outside a transaction).
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("""ALTER TABLE "Complaints" ADD COLUMN "RepairOrderId" INTEGER NULL """
                    + """CONSTRAINT "FK_Complaints_RepairOrders_RepairOrderId" REFERENCES "RepairOrders" ("Id") ON DELETE RESTRICT;""");
            }
            else
            {
                migrationBuilder.AddColumn<int>(
                    name: "RepairOrderId",
                    table: "Complaints",
                    type: "INTEGER",
                    nullable: true);
            }

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_CompletedAt",
                table: "RepairOrders",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProductModel",
                table: "RepairOrders",
                column: "ProductModel");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RepairOrderId",
                table: "Complaints",
                column: "RepairOrderId");

            if (!migrationBuilder.IsSqlite())
            {
                migrationBuilder.AddForeignKey(
                    name: "FK_Complaints_RepairOrders_RepairOrderId",
                    table: "Complaints",
                    column: "RepairOrderId",
                    principalTable: "RepairOrders",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_RepairOrders_RepairOrderId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_CompletedAt",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_ProductModel",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RepairOrderId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AppointmentsKept",
                table: "RepairOrders");

            migrationBuilder.DropColumn(
                name: "AppointmentsMissed",
                table: "RepairOrders");

            migrationBuilder.DropColumn(
                name: "CompletionMinutes",
                table: "RepairOrders");

            migrationBuilder.DropColumn(
                name: "CompletionWorkingMinutes",
                table: "RepairOrders");

            migrationBuilder.DropColumn(
                name: "FeedbackSlipOnTime",
                table: "RepairOrders");

            migrationBuilder.DropColumn(
                name: "QuoteApprovalMinutes",
                table: "RepairOrders");

            migrationBuilder.DropColumn(
                name: "QuoteApprovalWorkingMinutes",
                table: "RepairOrders");

            migrationBuilder.DropColumn(
                name: "RepairNumber",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RepairOrderId",
                table: "Complaints");
        }
    }
}
