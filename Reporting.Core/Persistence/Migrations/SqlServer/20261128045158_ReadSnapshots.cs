using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reporting.Core.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// Indicator answers are read in one SNAPSHOT transaction (ReadSnapshot, ADR 029), which SQL Server refuses unless
    /// the database allows it. ALTER DATABASE cannot run inside a transaction, hence suppressTransaction; it needs the
    /// ALTER permission on the database (the account that applies migrations).
    /// </summary>
    public partial class ReadSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION OFF;", suppressTransaction: true);
        }
    }
}
