using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <summary>
    /// The customer list's indexes (Customers.CustomerDirectory). Besides the filter indexes, hand-written SQL:
    /// the FTS5 trigram table CustomerNameSearch over Customers.Name (external content: the names are not
    /// stored twice) with three triggers that keep it in step with every insert, rename and delete whoever
    /// writes, a rebuild that indexes the existing customers, and an expression index on the phone's last 4 digits.
    /// </summary>
    public partial class CustomerList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Customers_Active",
                table: "Customers",
                column: "CreatedAt",
                filter: "MergedIntoId IS NULL AND DestroyedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_CreditClass",
                table: "Customers",
                column: "CreditClass",
                filter: "MergedIntoId IS NULL AND DestroyedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Industry",
                table: "Customers",
                column: "Industry",
                filter: "MergedIntoId IS NULL AND DestroyedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_IsKeyCustomer",
                table: "Customers",
                column: "IsKeyCustomer",
                filter: "MergedIntoId IS NULL AND DestroyedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ServiceArea_IsKeyCustomer",
                table: "Customers",
                columns: new[] { "ServiceArea", "IsKeyCustomer" },
                filter: "MergedIntoId IS NULL AND DestroyedAt IS NULL");

            migrationBuilder.Sql("""
                CREATE INDEX IX_Customers_PhoneLast4 ON Customers (substr(Phone, -4));
                CREATE VIRTUAL TABLE CustomerNameSearch USING fts5(Name, content='Customers', content_rowid='Id', tokenize='trigram');
                CREATE TRIGGER CustomerNameSearch_Insert AFTER INSERT ON Customers BEGIN
                    INSERT INTO CustomerNameSearch (rowid, Name) VALUES (new.Id, new.Name);
                END;
                CREATE TRIGGER CustomerNameSearch_Delete AFTER DELETE ON Customers BEGIN
                    INSERT INTO CustomerNameSearch (CustomerNameSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                END;
                CREATE TRIGGER CustomerNameSearch_Rename AFTER UPDATE OF Name ON Customers BEGIN
                    INSERT INTO CustomerNameSearch (CustomerNameSearch, rowid, Name) VALUES ('delete', old.Id, old.Name);
                    INSERT INTO CustomerNameSearch (rowid, Name) VALUES (new.Id, new.Name);
                END;
                INSERT INTO CustomerNameSearch (CustomerNameSearch) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER CustomerNameSearch_Insert;
                DROP TRIGGER CustomerNameSearch_Delete;
                DROP TRIGGER CustomerNameSearch_Rename;
                DROP TABLE CustomerNameSearch;
                DROP INDEX IX_Customers_PhoneLast4;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Customers_Active",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_CreditClass",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Industry",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_IsKeyCustomer",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_ServiceArea_IsKeyCustomer",
                table: "Customers");
        }
    }
}
