using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportDraftSnapshot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ComputedJson",
                table: "ReportInstances",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ComputedJson",
                table: "ReportInstances");
        }
    }
}
