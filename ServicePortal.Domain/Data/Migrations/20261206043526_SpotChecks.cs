using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpotChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpotChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnById = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpotCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisitTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedById = table.Column<string>(type: "TEXT", nullable: false),
                    CheckedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_SpotChecks_SpotCheckId",
                        column: x => x.SpotCheckId,
                        principalTable: "SpotChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_AssigneeId",
                table: "SpotCheckItems",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_CheckedAt",
                table: "SpotCheckItems",
                column: "CheckedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_RevisitTaskId",
                table: "SpotCheckItems",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_SpotCheckId_RevisitTaskId",
                table: "SpotCheckItems",
                columns: new[] { "SpotCheckId", "RevisitTaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotChecks_Quarter",
                table: "SpotChecks",
                column: "Quarter",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpotCheckItems");

            migrationBuilder.DropTable(
                name: "SpotChecks");
        }
    }
}
