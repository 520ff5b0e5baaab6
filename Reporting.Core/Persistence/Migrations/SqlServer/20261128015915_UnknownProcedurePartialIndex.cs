using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UnknownProcedurePartialIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ProcedureKnown_ProcedureCode",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ProcedureKnown_ProcedureCode",
                table: "Dossiers",
                columns: new[] { "ProcedureKnown", "ProcedureCode" },
                filter: "[ProcedureKnown] = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ProcedureKnown_ProcedureCode",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ProcedureKnown_ProcedureCode",
                table: "Dossiers",
                columns: new[] { "ProcedureKnown", "ProcedureCode" });
        }
    }
}
