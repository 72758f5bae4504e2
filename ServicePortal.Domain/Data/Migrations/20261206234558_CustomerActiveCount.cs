using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <summary>
    /// The customer list's unfiltered total (Customers.CustomerDirectory): counting a million active files through an
    /// index costs more than the list's 50 ms, so CustomerActiveCount holds the number of active files (neither merged
    /// nor destroyed), kept by triggers on every insert, delete and change of MergedIntoId or DestroyedAt whoever
    /// writes (the forms, the import, the generator, a merge, a destruction). Hand-written SQL, outside the EF model.
    /// </summary>
    public partial class CustomerActiveCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE CustomerActiveCount (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Active INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO CustomerActiveCount (Id, Active) SELECT 1, count(*) FROM Customers WHERE MergedIntoId IS NULL AND DestroyedAt IS NULL;");
            migrationBuilder.Sql("""
                CREATE TRIGGER CustomerActiveCount_Insert AFTER INSERT ON Customers
                WHEN new.MergedIntoId IS NULL AND new.DestroyedAt IS NULL
                BEGIN UPDATE CustomerActiveCount SET Active = Active + 1 WHERE Id = 1; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CustomerActiveCount_Delete AFTER DELETE ON Customers
                WHEN old.MergedIntoId IS NULL AND old.DestroyedAt IS NULL
                BEGIN UPDATE CustomerActiveCount SET Active = Active - 1 WHERE Id = 1; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CustomerActiveCount_Update AFTER UPDATE OF MergedIntoId, DestroyedAt ON Customers
                WHEN (old.MergedIntoId IS NULL AND old.DestroyedAt IS NULL) <> (new.MergedIntoId IS NULL AND new.DestroyedAt IS NULL)
                BEGIN
                  UPDATE CustomerActiveCount
                  SET Active = Active + (new.MergedIntoId IS NULL AND new.DestroyedAt IS NULL) - (old.MergedIntoId IS NULL AND old.DestroyedAt IS NULL)
                  WHERE Id = 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER CustomerActiveCount_Update;");
            migrationBuilder.Sql("DROP TRIGGER CustomerActiveCount_Delete;");
            migrationBuilder.Sql("DROP TRIGGER CustomerActiveCount_Insert;");
            migrationBuilder.Sql("DROP TABLE CustomerActiveCount;");
        }
    }
}
