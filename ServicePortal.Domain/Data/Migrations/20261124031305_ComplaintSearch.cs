using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <summary>
    /// The register's full-text index: an FTS5 table outside the EF model (rowid = Complaints.Id), see
    /// <see cref="Complaints.ComplaintSearchIndex"/> (the SQL is repeated here: a migration never
    /// changes). Existing complaints are indexed at start-up by <see cref="DatabaseInitializer"/>, not
    /// here, so a large database migrates in a moment (IF NOT EXISTS: a first draft of this migration
    /// under another id created the same table). Two indexes for register sorts at 1M rows.
    /// </summary>
    public partial class ComplaintSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE IF NOT EXISTS ComplaintSearch USING fts5(Text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_PromisedReplyAt",
                table: "Complaints",
                column: "PromisedReplyAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Severity_ReceivedAtDesc",
                table: "Complaints",
                columns: new[] { "Severity", "ReceivedAt" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ComplaintSearch;");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_PromisedReplyAt",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Severity_ReceivedAtDesc",
                table: "Complaints");
        }
    }
}
