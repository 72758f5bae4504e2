using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpiDurationStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Complaints_KpiStamp",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "Version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_KpiStamp",
                table: "Complaints");
        }
    }
}
