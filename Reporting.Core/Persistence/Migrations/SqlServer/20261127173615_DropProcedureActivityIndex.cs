using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DropProcedureActivityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProcedureBucketStats_Activity",
                table: "ProcedureBucketStats");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProcedureBucketStats_Activity",
                table: "ProcedureBucketStats",
                columns: new[] { "Bucket", "AgencyId", "ProcedureCode", "ReceivedOnline", "FeeLine", "PaidOnline" });
        }
    }
}
