using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePortal.Domain.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InitialPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApprovalPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    HandlerLimit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DepartmentHeadLimit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BasicLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContactsLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CooperationLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReverifyMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxGrantDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Area = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    Changes = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintSerials",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintSerials", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "CustomerAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UserRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AccessRequestId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    IsForeign = table.Column<bool>(type: "boolean", nullable: false),
                    IsKeyCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceArea = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Industry = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Scale = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    CustomerSince = table.Column<DateOnly>(type: "date", nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Qualifications = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    CreditClass = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BusinessNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    LastVerifiedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    LastVerifiedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    DestroyedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Xml = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeadlinePolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ForeignCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    ReplyDays = table.Column<int>(type: "integer", nullable: true),
                    ReplyUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReportDays = table.Column<int>(type: "integer", nullable: true),
                    ReportUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CloseDays = table.Column<int>(type: "integer", nullable: false),
                    CloseUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlinePolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeeItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeeItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiMonthlyBases",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ActiveCustomers = table.Column<int>(type: "integer", nullable: false),
                    ServiceOrders = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiMonthlyBases", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "KpiSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ValidRateBase = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ReadAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RepairSerials",
                columns: table => new
                {
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairSerials", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "RepairSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    WarrantyMonths = table.Column<int>(type: "integer", nullable: false),
                    CollectFeeBeforeRepair = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevisitDayTotals",
                columns: table => new
                {
                    DueDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClerkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Tasks = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<int>(type: "integer", nullable: false),
                    Unreachable = table.Column<int>(type: "integer", nullable: false),
                    Rated = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitDayTotals", x => new { x.DueDay, x.Kind, x.ClerkId });
                });

            migrationBuilder.CreateTable(
                name: "RevisitSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    QuietPeriodsText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    ComplaintRevisitWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    QuestionsJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpotChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Quarter = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DrawnById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DrawnByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ProtectedValue = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SurveyDayItems",
                columns: table => new
                {
                    PaperDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    PaperMonth = table.Column<int>(type: "integer", nullable: false),
                    Scores = table.Column<int>(type: "integer", nullable: false),
                    ScoreSum = table.Column<long>(type: "bigint", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyDayItems", x => new { x.PaperDate, x.ItemId });
                });

            migrationBuilder.CreateTable(
                name: "SurveyDays",
                columns: table => new
                {
                    PaperDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    Questionnaires = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyDays", x => new { x.PaperDate, x.TemplateId });
                });

            migrationBuilder.CreateTable(
                name: "SurveyTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    CurrentVersionId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingHours", x => x.Id);
                    table.CheckConstraint("CK_WorkingHours_SingleRow", "\"Id\" = 1");
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    RequesterId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RequesterName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Parts = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeciderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    DeciderName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DecidedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RevokedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RevokeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessRequests_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CooperationRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CooperationRecords_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerContacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    Email = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    IsKeyPerson = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerContacts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerHistory_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerProducts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Model = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SerialNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    InstalledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PurchasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WarrantyEnd = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerProducts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DestructionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    ProposedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ProposedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ProposedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Approvals = table.Column<int>(type: "integer", nullable: false),
                    DirectorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DirectorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DirectorAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    HeadId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    HeadName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    HeadAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ExecutiveId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ExecutiveName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ExecutiveAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RefusedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RefusedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RefusedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RefusalNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Erased = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    DestroyedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerInfoReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SubmittedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SubmittedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "SurveyTemplateVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyTemplateVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyTemplateVersions_SurveyTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "SurveyTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    ReceivedMonth = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ContactName = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ProductModel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SerialNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    PurchaseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    InWarranty = table.Column<bool>(type: "boolean", nullable: false),
                    WarrantyOverrideReason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    FaultCategory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    FaultDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    RequestedVisitAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IsRemote = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ClerkId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClerkName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TechnicianId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    TechnicianName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    DispatchedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AppointmentAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    PrepaidFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    WorkDone = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    TestResult = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    TestRefused = table.Column<bool>(type: "boolean", nullable: false),
                    FeeCollected = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CustomerSignature = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FeedbackSlipDue = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FeedbackSlipAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FeedbackSlipNote = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReviewedByName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ReviewNote = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RepeatOfId = table.Column<int>(type: "integer", nullable: true),
                    RepeatOfNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    RepeatOfTechnicianName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CompletionMinutes = table.Column<int>(type: "integer", nullable: true),
                    CompletionWorkingMinutes = table.Column<int>(type: "integer", nullable: true),
                    QuoteApprovalMinutes = table.Column<int>(type: "integer", nullable: true),
                    QuoteApprovalWorkingMinutes = table.Column<int>(type: "integer", nullable: true),
                    FeedbackSlipOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    AppointmentsKept = table.Column<int>(type: "integer", nullable: false),
                    AppointmentsMissed = table.Column<int>(type: "integer", nullable: false)
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
                name: "RevisitTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    PeriodKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CustomerPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    About = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Due = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    AssigneeId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AssigneeName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    AttemptCount = table.Column<int>(type: "integer", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DoneById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DoneByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Respondent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CalledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Opinions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Suggestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    QuietOverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitTasks_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyItem_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyItem_SurveyTemplateVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "SurveyTemplateVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    PaperDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PaperMonth = table.Column<int>(type: "integer", nullable: false),
                    ClerkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ClerkName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    EnteredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Comments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    RepairNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    ComplaintNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Project = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    FormToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Surveys_SurveyTemplateVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "SurveyTemplateVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Surveys_SurveyTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "SurveyTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    ReceivedMonth = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    CustomerRequest = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    PromisedReplyAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResponsibleDepartmentId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RepairOrderId = table.Column<int>(type: "integer", nullable: true),
                    RepairNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    ResponsiblePersonId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ResponsiblePersonName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    IsValid = table.Column<bool>(type: "boolean", nullable: true),
                    JudgementReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    NotValidExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Round = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    ReplyDue = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReportDue = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CloseDue = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FirstRepliedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FirstReportedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    IsOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: true),
                    FirstResponseWorkingMinutes = table.Column<int>(type: "integer", nullable: true),
                    ResolutionMinutes = table.Column<int>(type: "integer", nullable: true),
                    ResolutionWorkingMinutes = table.Column<int>(type: "integer", nullable: true),
                    ReplyOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    CloseOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    FirstFeedbackSatisfied = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_ComplaintCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ComplaintCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Departments_ResponsibleDepartmentId",
                        column: x => x.ResponsibleDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_RepairOrders_RepairOrderId",
                        column: x => x.RepairOrderId,
                        principalTable: "RepairOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairAppointment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairOrderId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    BookedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C")
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairOrderId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C")
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairOrderId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    OldSerial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    NewSerial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairOrderId = table.Column<int>(type: "integer", nullable: false),
                    FaultCause = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Plan = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    NotProductFault = table.Column<bool>(type: "boolean", nullable: false),
                    TravelCost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DecidedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "text", nullable: false, collation: "C")
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
                name: "RevisitAnswer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RevisitTaskId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Question = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitAnswer_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevisitAttempt",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RevisitTaskId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    QuietOverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitAttempt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitAttempt_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevisitIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RevisitTaskId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    AnsweredOnSpot = table.Column<bool>(type: "boolean", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    ReplyDueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    OwnerId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    OwnerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RaisedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    HandledById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    HandledByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    HandledNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    ComplaintNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    TaskKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TaskClerk = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FollowUpTaskId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitIssues_RevisitTasks_FollowUpTaskId",
                        column: x => x.FollowUpTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RevisitIssues_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevisitLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RevisitTaskId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisitLog_RevisitTasks_RevisitTaskId",
                        column: x => x.RevisitTaskId,
                        principalTable: "RevisitTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SpotCheckId = table.Column<int>(type: "integer", nullable: false),
                    RevisitTaskId = table.Column<int>(type: "integer", nullable: false),
                    AssigneeId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AssigneeName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    CheckedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CheckedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CheckedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
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

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    PaperDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PaperMonth = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SurveyItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ByName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintFeedback_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintHistory_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintInvestigation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Cause = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CauseType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResponsibleParty = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Measures = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ByName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintInvestigation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintInvestigation_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintReply",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RepliedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ByName = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintReply", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintReply_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    PreviousDue = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RequestedDue = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RequestedById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RequestedByName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RequestedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedById = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DecidedByName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DecidedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Notified = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResolutionProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    TotalAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RequiredLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ByName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResolutionProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResolutionProposals_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepairQuoteLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairQuoteId = table.Column<int>(type: "integer", nullable: false),
                    FeeItemId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    ListPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ProposalApproval",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ById = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ByName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalApproval", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalApproval_ResolutionProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "ResolutionProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResolutionItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResolutionItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResolutionItem_ResolutionProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "ResolutionProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "RepairSettings",
                columns: new[] { "Id", "CollectFeeBeforeRepair", "WarrantyMonths" },
                values: new object[] { 1, true, 12 });

            migrationBuilder.InsertData(
                table: "WorkingHours",
                columns: new[] { "Id", "DayEnd", "DayStart" },
                values: new object[] { 1, new TimeOnly(17, 30, 0), new TimeOnly(8, 30, 0) });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_CustomerId",
                table: "AccessRequests",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_RequesterId_CustomerId_Status",
                table: "AccessRequests",
                columns: new[] { "RequesterId", "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_Status_RequestedAt",
                table: "AccessRequests",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DepartmentId",
                table: "AspNetUsers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Area_At",
                table: "AuditLog",
                columns: new[] { "Area", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintCategories_Name",
                table: "ComplaintCategories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintFeedback_ComplaintId",
                table: "ComplaintFeedback",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintHistory_ComplaintId_At",
                table: "ComplaintHistory",
                columns: new[] { "ComplaintId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintInvestigation_ComplaintId",
                table: "ComplaintInvestigation",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintReply_ComplaintId",
                table: "ComplaintReply",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CategoryId_ReceivedAt",
                table: "Complaints",
                columns: new[] { "CategoryId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Channel_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Channel", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerId_ReceivedAt",
                table: "Complaints",
                columns: new[] { "CustomerId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Kpi",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "CategoryId", "ResponsibleDepartmentId", "Channel", "ReceivedAt", "IsValid", "ReplyOnTime", "CloseOnTime", "FirstFeedbackSatisfied", "ReopenCount", "FirstResponseWorkingMinutes", "FirstResponseMinutes", "ResolutionWorkingMinutes", "ResolutionMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_KpiStamp",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Number",
                table: "Complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OwnerId_Status",
                table: "Complaints",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_PromisedReplyAt",
                table: "Complaints",
                column: "PromisedReplyAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedMonth_ReceivedAt",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RepairOrderId",
                table: "Complaints",
                column: "RepairOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ResponsibleDepartmentId",
                table: "Complaints",
                column: "ResponsibleDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ResponsiblePerson",
                table: "Complaints",
                columns: new[] { "ResponsiblePersonId", "ReceivedAt", "IsValid", "ResponsibleDepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Severity_Channel_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Severity", "Channel", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Severity_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Severity", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Severity_ReceivedAtDesc",
                table: "Complaints",
                columns: new[] { "Severity", "ReceivedAt" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_CloseDue",
                table: "Complaints",
                columns: new[] { "Status", "CloseDue" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationRecords_CustomerId",
                table: "CooperationRecords",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAccessLog_At",
                table: "CustomerAccessLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAccessLog_CustomerId_At",
                table: "CustomerAccessLog",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerAccessLog_UserId_At",
                table: "CustomerAccessLog",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerContacts_CustomerId",
                table: "CustomerContacts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerContacts_Name",
                table: "CustomerContacts",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHistory_CustomerId_At",
                table: "CustomerHistory",
                columns: new[] { "CustomerId", "At" });

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
                name: "IX_CustomerProducts_CustomerId",
                table: "CustomerProducts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerProducts_SerialNumber",
                table: "CustomerProducts",
                column: "SerialNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Active",
                table: "Customers",
                column: "CreatedAt",
                filter: "\"MergedIntoId\" IS NULL AND \"DestroyedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_CreditClass",
                table: "Customers",
                column: "CreditClass",
                filter: "\"MergedIntoId\" IS NULL AND \"DestroyedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Industry",
                table: "Customers",
                column: "Industry",
                filter: "\"MergedIntoId\" IS NULL AND \"DestroyedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_IsKeyCustomer",
                table: "Customers",
                column: "IsKeyCustomer",
                filter: "\"MergedIntoId\" IS NULL AND \"DestroyedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_LastVerifiedAt",
                table: "Customers",
                column: "LastVerifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name",
                table: "Customers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Phone",
                table: "Customers",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ServiceArea_IsKeyCustomer",
                table: "Customers",
                columns: new[] { "ServiceArea", "IsKeyCustomer" },
                filter: "\"MergedIntoId\" IS NULL AND \"DestroyedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_ComplaintId",
                table: "DeadlineExtensions",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlinePolicies_Severity_ForeignCustomer",
                table: "DeadlinePolicies",
                columns: new[] { "Severity", "ForeignCustomer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Name",
                table: "Departments",
                column: "Name",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_At",
                table: "Escalations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_ComplaintId_Deadline_Level_DueAt",
                table: "Escalations",
                columns: new[] { "ComplaintId", "Deadline", "Level", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeeItems_Name_ValidFrom",
                table: "FeeItems",
                columns: new[] { "Name", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_At",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalApproval_ProposalId",
                table: "ProposalApproval",
                column: "ProposalId");

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
                name: "IX_RepairOrders_InWarranty_RepeatOfId",
                table: "RepairOrders",
                columns: new[] { "InWarranty", "RepeatOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_KpiCompleted",
                table: "RepairOrders",
                columns: new[] { "CompletedAt", "FeedbackSlipOnTime", "FeedbackSlipAt", "FeedbackSlipDue", "CompletionWorkingMinutes", "CompletionMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_KpiReceived",
                table: "RepairOrders",
                columns: new[] { "ReceivedMonth", "ReceivedAt", "RepeatOfId", "AppointmentsKept", "AppointmentsMissed", "QuoteApprovalWorkingMinutes", "QuoteApprovalMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_Number",
                table: "RepairOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProductModel",
                table: "RepairOrders",
                column: "ProductModel");

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ReceivedAt",
                table: "RepairOrders",
                column: "ReceivedAt");

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
                name: "IX_ResolutionItem_ProposalId",
                table: "ResolutionItem",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ResolutionProposals_ComplaintId",
                table: "ResolutionProposals",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitAnswer_RevisitTaskId",
                table: "RevisitAnswer",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitAttempt_RevisitTaskId",
                table: "RevisitAttempt",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_ComplaintNumber",
                table: "RevisitIssues",
                column: "ComplaintNumber");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_FollowUpTaskId",
                table: "RevisitIssues",
                column: "FollowUpTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_HandledAt_ReplyDueAt",
                table: "RevisitIssues",
                columns: new[] { "HandledAt", "ReplyDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_Kpi",
                table: "RevisitIssues",
                columns: new[] { "RaisedAt", "TaskKind", "TaskClerk", "HandledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_RaisedAt",
                table: "RevisitIssues",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitIssues_RevisitTaskId",
                table: "RevisitIssues",
                column: "RevisitTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitLog_RevisitTaskId_At",
                table: "RevisitLog",
                columns: new[] { "RevisitTaskId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_AssigneeId_DoneAt_Due",
                table: "RevisitTasks",
                columns: new[] { "AssigneeId", "DoneAt", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_DoneAt_Due",
                table: "RevisitTasks",
                columns: new[] { "DoneAt", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Due",
                table: "RevisitTasks",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kind_CustomerId_PeriodKey",
                table: "RevisitTasks",
                columns: new[] { "Kind", "CustomerId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kind_Due",
                table: "RevisitTasks",
                columns: new[] { "Kind", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Kpi",
                table: "RevisitTasks",
                columns: new[] { "Due", "Kind", "Status", "DoneAt", "DoneById", "AssigneeId", "Satisfaction" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Satisfaction_Due",
                table: "RevisitTasks",
                columns: new[] { "Satisfaction", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_Status_Due",
                table: "RevisitTasks",
                columns: new[] { "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisitTasks_SubjectNumber",
                table: "RevisitTasks",
                column: "SubjectNumber");

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

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ItemId",
                table: "SurveyAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_Rollup",
                table: "SurveyAnswers",
                columns: new[] { "PaperDate", "ItemId", "PaperMonth", "Score", "TemplateId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_SurveyId",
                table: "SurveyAnswers",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItem_DepartmentId",
                table: "SurveyItem",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItem_VersionId",
                table: "SurveyItem",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_CustomerId_TemplateId_PaperMonth",
                table: "Surveys",
                columns: new[] { "CustomerId", "TemplateId", "PaperMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_FormToken",
                table: "Surveys",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_PaperDate_Id",
                table: "Surveys",
                columns: new[] { "PaperDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_TemplateId_PaperDate",
                table: "Surveys",
                columns: new[] { "TemplateId", "PaperDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_VersionId",
                table: "Surveys",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTemplates_Name",
                table: "SurveyTemplates",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTemplateVersions_TemplateId_Number",
                table: "SurveyTemplateVersions",
                columns: new[] { "TemplateId", "Number" },
                unique: true);

            // Hand-written: triggers, counters and search indexes outside EF Core's model (the SQLite migrations' counterparts).
            foreach (var sql in PostgresStoreSql.All)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresStoreSql.DropAll);
            migrationBuilder.DropTable(
                name: "AccessRequests");

            migrationBuilder.DropTable(
                name: "ApprovalPolicies");

            migrationBuilder.DropTable(
                name: "ArchiveSettings");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "ComplaintFeedback");

            migrationBuilder.DropTable(
                name: "ComplaintHistory");

            migrationBuilder.DropTable(
                name: "ComplaintInvestigation");

            migrationBuilder.DropTable(
                name: "ComplaintReply");

            migrationBuilder.DropTable(
                name: "ComplaintSerials");

            migrationBuilder.DropTable(
                name: "CooperationRecords");

            migrationBuilder.DropTable(
                name: "CustomerAccessLog");

            migrationBuilder.DropTable(
                name: "CustomerContacts");

            migrationBuilder.DropTable(
                name: "CustomerHistory");

            migrationBuilder.DropTable(
                name: "CustomerInfoReports");

            migrationBuilder.DropTable(
                name: "CustomerProducts");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "DeadlinePolicies");

            migrationBuilder.DropTable(
                name: "DestructionRequests");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "FeeItems");

            migrationBuilder.DropTable(
                name: "KpiMonthlyBases");

            migrationBuilder.DropTable(
                name: "KpiSettings");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ProposalApproval");

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
                name: "ResolutionItem");

            migrationBuilder.DropTable(
                name: "RevisitAnswer");

            migrationBuilder.DropTable(
                name: "RevisitAttempt");

            migrationBuilder.DropTable(
                name: "RevisitDayTotals");

            migrationBuilder.DropTable(
                name: "RevisitIssues");

            migrationBuilder.DropTable(
                name: "RevisitLog");

            migrationBuilder.DropTable(
                name: "RevisitSettings");

            migrationBuilder.DropTable(
                name: "SpotCheckItems");

            migrationBuilder.DropTable(
                name: "StoredSecrets");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyDayItems");

            migrationBuilder.DropTable(
                name: "SurveyDays");

            migrationBuilder.DropTable(
                name: "WorkingHours");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "RepairQuote");

            migrationBuilder.DropTable(
                name: "ResolutionProposals");

            migrationBuilder.DropTable(
                name: "RevisitTasks");

            migrationBuilder.DropTable(
                name: "SpotChecks");

            migrationBuilder.DropTable(
                name: "SurveyItem");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "SurveyTemplateVersions");

            migrationBuilder.DropTable(
                name: "ComplaintCategories");

            migrationBuilder.DropTable(
                name: "RepairOrders");

            migrationBuilder.DropTable(
                name: "SurveyTemplates");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "Departments");
        }
    }
}
