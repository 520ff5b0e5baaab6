using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DataVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReferenceVersion",
                table: "AggregateState",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ProcedureKnown_ProcedureCode",
                table: "Dossiers",
                columns: new[] { "ProcedureKnown", "ProcedureCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ProcedureKnown_ProcedureCode",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReferenceVersion",
                table: "AggregateState");
        }
    }
}
