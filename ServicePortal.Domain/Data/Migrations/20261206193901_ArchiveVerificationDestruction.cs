using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveVerificationDestruction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerInfoReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerInfoReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerInfoReports_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DestructionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Approvals = table.Column<int>(type: "INTEGER", nullable: false),
                    DirectorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DirectorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DirectorAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HeadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExecutiveId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExecutiveName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExecutiveAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RefusedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RefusedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusalNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Erased = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DestroyedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DestructionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DestructionRequests_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerInfoReports_DepartmentId_Month",
                table: "CustomerInfoReports",
                columns: new[] { "DepartmentId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerInfoReports_Month_DueOn",
                table: "CustomerInfoReports",
                columns: new[] { "Month", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DestructionRequests_CustomerId",
                table: "DestructionRequests",
                column: "CustomerId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_DestructionRequests_Status_ProposedAt",
                table: "DestructionRequests",
                columns: new[] { "Status", "ProposedAt" });

            // Hand-written: the re-verification due list (ArchiveVerification.DueAsync) filters and orders by
            // COALESCE(LastVerifiedAt, CreatedAt); SQLite uses an expression index only when the query repeats
            // the expression, and EF Core cannot declare one.
            migrationBuilder.Sql(
                "CREATE INDEX \"IX_Customers_VerifyDue\" ON \"Customers\" (COALESCE(\"LastVerifiedAt\", \"CreatedAt\"), \"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Customers_VerifyDue\";");

            migrationBuilder.DropTable(
                name: "CustomerInfoReports");

            migrationBuilder.DropTable(
                name: "DestructionRequests");
        }
    }
}
