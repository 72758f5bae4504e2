using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisitRegisterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Due",
                table: "RevisitTasks",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kind_Due",
                table: "RevisitTasks",
                columns: new[] { "Kind", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Satisfaction_Due",
                table: "RevisitTasks",
                columns: new[] { "Satisfaction", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Status_Due",
                table: "RevisitTasks",
                columns: new[] { "Status", "Due" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_Due",
                table: "RevisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_Kind_Due",
                table: "RevisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_Satisfaction_Due",
                table: "RevisitTasks");

            migrationBuilder.DropIndex(
                name: "IX_RevisitTasks_Status_Due",
                table: "RevisitTasks");
        }
    }
}
