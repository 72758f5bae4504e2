using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegisterSeverityChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Severity_Channel_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Severity", "Channel", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Severity_Channel_ReceivedAt",
                table: "Complaints");
        }
    }
}
