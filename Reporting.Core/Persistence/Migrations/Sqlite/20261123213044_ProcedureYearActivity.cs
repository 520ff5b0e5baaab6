using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcedureYearActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcedureYearActivity",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineBuckets = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeLineBuckets = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnlineBuckets = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureYearActivity", x => new { x.Year, x.AgencyId, x.ProcedureCode });
                });

            // Filled from the stored cells, so an existing database needs no rebuild: one bit per
            // bucket of the year, so the sum of distinct bits is their union.
            migrationBuilder.Sql("INSERT INTO \"ProcedureYearActivity\" (\"AgencyId\", \"ProcedureCode\", \"Year\", \"OnlineBuckets\", \"FeeLineBuckets\", \"PaidOnlineBuckets\") SELECT \"AgencyId\", \"ProcedureCode\", \"Bucket\" / 24, SUM(CASE WHEN \"ReceivedOnline\" > 0 THEN (1 << (\"Bucket\" % 24)) ELSE 0 END), SUM(CASE WHEN \"FeeLine\" > 0 THEN (1 << (\"Bucket\" % 24)) ELSE 0 END), SUM(CASE WHEN \"PaidOnline\" > 0 THEN (1 << (\"Bucket\" % 24)) ELSE 0 END) FROM \"ProcedureBucketStats\" GROUP BY \"AgencyId\", \"ProcedureCode\", \"Bucket\" / 24");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProcedureYearActivity");
        }
    }
}
