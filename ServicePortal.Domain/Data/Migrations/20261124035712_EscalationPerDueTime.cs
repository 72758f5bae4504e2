using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class EscalationPerDueTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Escalations_ComplaintId_Deadline_Level",
                table: "Escalations");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ComplaintId_Deadline_Level_DueAt",
                table: "Escalations",
                columns: new[] { "ComplaintId", "Deadline", "Level", "DueAt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Escalations_ComplaintId_Deadline_Level_DueAt",
                table: "Escalations");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ComplaintId_Deadline_Level",
                table: "Escalations",
                columns: new[] { "ComplaintId", "Deadline", "Level" },
                unique: true);
        }
    }
}
