using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <summary>
    /// The customer list's index for 1- and 2-character name fragments (Customers.CustomerDirectory), which the
    /// trigram table CustomerNameSearch cannot answer: hand-written SQL, outside the EF model.
    /// <para>
    /// CustomerNameGrams holds, for every customer and every position n of its name, <c>substr(Name, n, 2)</c>:
    /// the two characters starting there, or the last character alone. A name contains a 2-character fragment
    /// exactly when one of its grams equals it, and a 1-character fragment exactly when one of its grams starts
    /// with it (a range on the key), so the answers are the same as <c>instr(Name, fragment) &gt; 0</c>.
    /// Three triggers keep it in step with every insert, rename and delete whoever writes; SQLite allows no CTE
    /// in a trigger, so the positions come from the small table CustomerNameGramPositions (1 … 1000; a name is at
    /// most Customer.NameMax = 50 characters). The existing customers are indexed at the end.
    /// </para>
    /// </summary>
    public partial class CustomerNameGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE CustomerNameGramPositions (n INTEGER PRIMARY KEY);
                WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 1000)
                INSERT INTO CustomerNameGramPositions (n) SELECT n FROM p;
                CREATE TABLE CustomerNameGrams (
                    Gram TEXT NOT NULL,
                    CustomerId INTEGER NOT NULL,
                    PRIMARY KEY (Gram, CustomerId)
                ) WITHOUT ROWID;
                CREATE TRIGGER CustomerNameGrams_Insert AFTER INSERT ON Customers BEGIN
                    INSERT OR IGNORE INTO CustomerNameGrams (Gram, CustomerId)
                    SELECT substr(new.Name, n, 2), new.Id FROM CustomerNameGramPositions WHERE n <= length(new.Name);
                END;
                CREATE TRIGGER CustomerNameGrams_Delete AFTER DELETE ON Customers BEGIN
                    DELETE FROM CustomerNameGrams WHERE CustomerId = old.Id
                        AND Gram IN (SELECT substr(old.Name, n, 2) FROM CustomerNameGramPositions WHERE n <= length(old.Name));
                END;
                CREATE TRIGGER CustomerNameGrams_Rename AFTER UPDATE OF Name ON Customers BEGIN
                    DELETE FROM CustomerNameGrams WHERE CustomerId = old.Id
                        AND Gram IN (SELECT substr(old.Name, n, 2) FROM CustomerNameGramPositions WHERE n <= length(old.Name));
                    INSERT OR IGNORE INTO CustomerNameGrams (Gram, CustomerId)
                    SELECT substr(new.Name, n, 2), new.Id FROM CustomerNameGramPositions WHERE n <= length(new.Name);
                END;
                INSERT OR IGNORE INTO CustomerNameGrams (Gram, CustomerId)
                SELECT substr(c.Name, p.n, 2), c.Id FROM Customers AS c JOIN CustomerNameGramPositions AS p ON p.n <= length(c.Name);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER CustomerNameGrams_Insert;
                DROP TRIGGER CustomerNameGrams_Delete;
                DROP TRIGGER CustomerNameGrams_Rename;
                DROP TABLE CustomerNameGrams;
                DROP TABLE CustomerNameGramPositions;
                """);
        }
    }
}
