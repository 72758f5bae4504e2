using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.PostgresMigrations
{
    /// <summary>
    /// PostgreSQL only (SQLite's triggers already count a move): the revisit issues' day totals follow an issue moved to another
    /// task, and are counted again (<see cref="PostgresStoreSql.RevisitIssueDayTotalsOnMove"/>). No change to the model.
    /// </summary>
    public partial class RevisitIssueDayTotalsOnMove : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresStoreSql.RevisitIssueDayTotalsOnMove);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresStoreSql.DropRevisitIssueDayTotalsOnMove);
        }
    }
}
