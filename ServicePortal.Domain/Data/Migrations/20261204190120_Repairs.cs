using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Repairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeeItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RepairOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProductModel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PurchaseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InWarranty = table.Column<bool>(type: "INTEGER", nullable: false),
                    WarrantyOverrideReason = table.Column<string>(type: "TEXT", nullable: false),
                    FaultCategory = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FaultDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedVisitAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsRemote = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClerkId = table.Column<string>(type: "TEXT", nullable: false),
                    ClerkName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TechnicianId = table.Column<string>(type: "TEXT", nullable: true),
                    TechnicianName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DispatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppointmentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PrepaidFee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", nullable: false),
                    WorkDone = table.Column<string>(type: "TEXT", nullable: false),
                    TestResult = table.Column<string>(type: "TEXT", nullable: false),
                    TestRefused = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeeCollected = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CustomerSignature = table.Column<string>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackSlipDue = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackSlipAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackSlipNote = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepeatOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    RepeatOfNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RepeatOfTechnicianName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairOrders_AspNetUsers_ClerkId",
                        column: x => x.ClerkId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepairOrders_AspNetUsers_TechnicianId",
                        column: x => x.TechnicianId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepairOrders_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RepairOrders_RepairOrders_RepeatOfId",
                        column: x => x.RepeatOfId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairSerials",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairSerials", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "RepairSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    WarrantyMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    CollectFeeBeforeRepair = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevisitTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Due = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneById = table.Column<string>(type: "TEXT", nullable: false),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RepairAppointment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepairOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairAppointment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairAppointment_RepairOrders_RepairOrderId",
                        column: x => x.RepairOrderId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepairOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairHistory_RepairOrders_RepairOrderId",
                        column: x => x.RepairOrderId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairPart",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepairOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OldSerial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NewSerial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairPart", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairPart_RepairOrders_RepairOrderId",
                        column: x => x.RepairOrderId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairQuote",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepairOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    FaultCause = table.Column<string>(type: "TEXT", nullable: false),
                    Plan = table.Column<string>(type: "TEXT", nullable: false),
                    NotProductFault = table.Column<bool>(type: "INTEGER", nullable: false),
                    TravelCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairQuote", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairQuote_RepairOrders_RepairOrderId",
                        column: x => x.RepairOrderId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairQuoteLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepairQuoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ListPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairQuoteLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairQuoteLine_RepairQuote_RepairQuoteId",
                        column: x => x.RepairQuoteId,
                        principalTable: "RepairQuote",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "RepairSettings",
                columns: new[] { "Id", "CollectFeeBeforeRepair", "WarrantyMonths" },
                values: new object[] { 1, true, 12 });

            migrationBuilder.CreateIndex(
                name: "IX_FeeItems_Name_ValidFrom",
                table: "FeeItems",
                columns: new[] { "Name", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairAppointment_RepairOrderId",
                table: "RepairAppointment",
                column: "RepairOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairHistory_RepairOrderId_At",
                table: "RepairHistory",
                columns: new[] { "RepairOrderId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ClerkId",
                table: "RepairOrders",
                column: "ClerkId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_CustomerId_ProductModel_CompletedAt",
                table: "RepairOrders",
                columns: new[] { "CustomerId", "ProductModel", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_CustomerId_ReceivedAt",
                table: "RepairOrders",
                columns: new[] { "CustomerId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_Number",
                table: "RepairOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ReceivedAt",
                table: "RepairOrders",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ReceivedMonth_ReceivedAt",
                table: "RepairOrders",
                columns: new[] { "ReceivedMonth", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_RepeatOfId",
                table: "RepairOrders",
                column: "RepeatOfId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_SerialNumber_CompletedAt",
                table: "RepairOrders",
                columns: new[] { "SerialNumber", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_Stage_ReceivedAt",
                table: "RepairOrders",
                columns: new[] { "Stage", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_TechnicianId_Stage",
                table: "RepairOrders",
                columns: new[] { "TechnicianId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairPart_RepairOrderId",
                table: "RepairPart",
                column: "RepairOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairQuote_RepairOrderId",
                table: "RepairQuote",
                column: "RepairOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairQuoteLine_RepairQuoteId",
                table: "RepairQuoteLine",
                column: "RepairQuoteId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_DoneAt_Due",
                table: "RevisitTasks",
                columns: new[] { "DoneAt", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kind_SubjectNumber",
                table: "RevisitTasks",
                columns: new[] { "Kind", "SubjectNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeeItems");

            migrationBuilder.DropTable(
                name: "RepairAppointment");

            migrationBuilder.DropTable(
                name: "RepairHistory");

            migrationBuilder.DropTable(
                name: "RepairPart");

            migrationBuilder.DropTable(
                name: "RepairQuoteLine");

            migrationBuilder.DropTable(
                name: "RepairSerials");

            migrationBuilder.DropTable(
                name: "RepairSettings");

            migrationBuilder.DropTable(
                name: "RevisitTasks");

            migrationBuilder.DropTable(
                name: "RepairQuote");

            migrationBuilder.DropTable(
                name: "RepairOrders");
        }
    }
}
