using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AdminUnitCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agencies_Agencies_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgencyBucketStats",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncFieldPresent = table.Column<int>(type: "INTEGER", nullable: false),
                    Synced = table.Column<int>(type: "INTEGER", nullable: false),
                    Digitised = table.Column<int>(type: "INTEGER", nullable: false),
                    Reused = table.Column<int>(type: "INTEGER", nullable: false),
                    FromNationalStore = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentData = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeLine = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearingPaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedComplaint = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedUnknown = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Handled = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledEarly = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledLate = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledOnTime766 = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultExpected = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultElectronic = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenWithin = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenWithin766 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenComplaint = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyBucketStats", x => new { x.Bucket, x.AgencyId });
                });

            migrationBuilder.CreateTable(
                name: "AggregateState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    HorizonBucket = table.Column<int>(type: "INTEGER", nullable: false),
                    DataVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    LastChangeAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AggregateState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "ManualIndicatorValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Numerator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Denominator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualIndicatorValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    TransactionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.TransactionCode);
                });

            migrationBuilder.CreateTable(
                name: "ProcedureBucketStats",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncFieldPresent = table.Column<int>(type: "INTEGER", nullable: false),
                    Synced = table.Column<int>(type: "INTEGER", nullable: false),
                    Digitised = table.Column<int>(type: "INTEGER", nullable: false),
                    Reused = table.Column<int>(type: "INTEGER", nullable: false),
                    FromNationalStore = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentData = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeLine = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeBearingPaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedComplaint = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedUnknown = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownProcedure = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Handled = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledEarly = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledLate = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledOnTime766 = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultExpected = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultElectronic = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenWithin = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenWithin766 = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenComplaint = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureBucketStats", x => new { x.Bucket, x.AgencyId, x.ProcedureCode });
                });

            migrationBuilder.CreateTable(
                name: "Procedures",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FieldCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FieldName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AtProvinceLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    AtCommuneLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnlineLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    FullyOnlineEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasFee = table.Column<bool>(type: "INTEGER", nullable: false),
                    IssuesResult = table.Column<bool>(type: "INTEGER", nullable: false),
                    StatutoryWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Quarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReasonCodes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    QuarantinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quarantine", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RatingBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MinScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingBands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResultGapStats",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedBucket = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedBucket = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineWithoutResult = table.Column<int>(type: "INTEGER", nullable: false),
                    DigitisedWithoutResult = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultGapStats", x => new { x.ReceivedBucket, x.EndedBucket, x.AgencyId });
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgencyKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgencySuccessions",
                columns: table => new
                {
                    PredecessorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuccessorId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencySuccessions", x => new { x.PredecessorId, x.SuccessorId });
                    table.ForeignKey(
                        name: "FK_AgencySuccessions_Agencies_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgencySuccessions_Agencies_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProcedureName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FieldCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FieldName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PromisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandlingEndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OnlinePayment = table.Column<int>(type: "INTEGER", nullable: false),
                    VneIdVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyncedToDvcqg = table.Column<int>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    Complaint = table.Column<bool>(type: "INTEGER", nullable: false),
                    ListsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Counted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedDay = table.Column<int>(type: "INTEGER", nullable: true),
                    EndDay = table.Column<int>(type: "INTEGER", nullable: true),
                    PromisedDay = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalPromisedDay = table.Column<int>(type: "INTEGER", nullable: true),
                    SupplementCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementRequestedDay = table.Column<int>(type: "INTEGER", nullable: true),
                    SupplementSuppliedDay = table.Column<int>(type: "INTEGER", nullable: true),
                    RefusedDay = table.Column<int>(type: "INTEGER", nullable: true),
                    Handling = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime766 = table.Column<bool>(type: "INTEGER", nullable: false),
                    ElectronicResult = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultExpected = table.Column<bool>(type: "INTEGER", nullable: false),
                    Digitised = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reused = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromNationalStore = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeeLine = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidByPaymentFeed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProcedureKnown = table.Column<bool>(type: "INTEGER", nullable: false),
                    PromisedEstimated = table.Column<bool>(type: "INTEGER", nullable: false),
                    PromisedUnknown = table.Column<bool>(type: "INTEGER", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => new { x.Code, x.Source });
                    table.ForeignKey(
                        name: "FK_Dossiers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Code_ValidFrom",
                table: "Agencies",
                columns: new[] { "Code", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_ParentId",
                table: "Agencies",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencySuccessions_SuccessorId",
                table: "AgencySuccessions",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_EndDay",
                table: "Dossiers",
                columns: new[] { "AgencyId", "EndDay" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_ReceivedDay",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedDay" });

            migrationBuilder.CreateIndex(
                name: "IX_ManualIndicatorValues_IndicatorCode_AgencyId_PeriodKey",
                table: "ManualIndicatorValues",
                columns: new[] { "IndicatorCode", "AgencyId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_DossierCode",
                table: "Payments",
                column: "DossierCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureBucketStats_Activity",
                table: "ProcedureBucketStats",
                columns: new[] { "Bucket", "AgencyId", "ProcedureCode", "ReceivedOnline", "FeeLine", "PaidOnline" });

            migrationBuilder.CreateIndex(
                name: "IX_Quarantine_Source_RecordKey",
                table: "Quarantine",
                columns: new[] { "Source", "RecordKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Quarantine_State_Source_QuarantinedAt",
                table: "Quarantine",
                columns: new[] { "State", "Source", "QuarantinedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_IndicatorCode_Year",
                table: "Targets",
                columns: new[] { "IndicatorCode", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyBucketStats");

            migrationBuilder.DropTable(
                name: "AgencySuccessions");

            migrationBuilder.DropTable(
                name: "AggregateState");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "Dossiers");

            migrationBuilder.DropTable(
                name: "ManualIndicatorValues");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "ProcedureBucketStats");

            migrationBuilder.DropTable(
                name: "Procedures");

            migrationBuilder.DropTable(
                name: "Quarantine");

            migrationBuilder.DropTable(
                name: "RatingBands");

            migrationBuilder.DropTable(
                name: "ResultGapStats");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "Agencies");
        }
    }
}
