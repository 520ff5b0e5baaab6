using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DossierAgencyDaysIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AgencyId_EndDay",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AgencyId_ReceivedDay",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_ReceivedDay_EndDay",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedDay", "EndDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_AgencyId_ReceivedDay_EndDay",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_EndDay",
                table: "Dossiers",
                columns: new[] { "AgencyId", "EndDay" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AgencyId_ReceivedDay",
                table: "Dossiers",
                columns: new[] { "AgencyId", "ReceivedDay" });
        }
    }
}
