using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportInstances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegimeCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FormCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AgencyCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AgencyName = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    PeriodKey = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    WindowKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ManualCellsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OverridesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NarrativeJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportRegimes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    LegalBasis = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Forms = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Frequency = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Window = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DeadlineWorkingDays = table.Column<int>(type: "int", nullable: false),
                    DeadlineSource = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Reporters = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Confirmed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRegimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    InstanceId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    FromState = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ToState = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportTransitions_ReportInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "ReportInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    InstanceId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    RowsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OverridesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NarrativeJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ViolationsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportVersions_ReportInstances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "ReportInstances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportInstances_PeriodKey_State",
                table: "ReportInstances",
                columns: new[] { "PeriodKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportInstances_RegimeCode_FormCode_AgencyCode_PeriodKey",
                table: "ReportInstances",
                columns: new[] { "RegimeCode", "FormCode", "AgencyCode", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRegimes_Code",
                table: "ReportRegimes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTransitions_InstanceId",
                table: "ReportTransitions",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_InstanceId_Number",
                table: "ReportVersions",
                columns: new[] { "InstanceId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportRegimes");

            migrationBuilder.DropTable(
                name: "ReportTransitions");

            migrationBuilder.DropTable(
                name: "ReportVersions");

            migrationBuilder.DropTable(
                name: "ReportInstances");
        }
    }
}
