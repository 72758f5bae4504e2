using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <summary>
    /// No change to the database: the model now maps the full-text table of migration ComplaintSearch
    /// (excluded from migrations) so that queries can check one complaint's entry; this records that in the snapshot.
    /// </summary>
    public partial class ComplaintSearchEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
