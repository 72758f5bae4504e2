using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisitIssueActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FollowUpTaskId",
                table: "RevisitIssues",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_FollowUpTaskId",
                table: "RevisitIssues",
                column: "FollowUpTaskId");

            migrationBuilder.AddForeignKey(
                name: "FK_RevisitIssues_RevisitTasks_FollowUpTaskId",
                table: "RevisitIssues",
                column: "FollowUpTaskId",
                principalTable: "RevisitTasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RevisitIssues_RevisitTasks_FollowUpTaskId",
                table: "RevisitIssues");

            migrationBuilder.DropIndex(
                name: "IX_RevisitIssues_FollowUpTaskId",
                table: "RevisitIssues");

            migrationBuilder.DropColumn(
                name: "FollowUpTaskId",
                table: "RevisitIssues");
        }
    }
}
