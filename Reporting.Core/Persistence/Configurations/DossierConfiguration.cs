using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Dossiers;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        // Code first: payments find their dossier by code alone, through the key.
        b.HasKey(d => new { d.Code, d.Source });
        b.Property(d => d.Source).HasMaxLength(ColumnWidths.SourceName);
        b.Property(d => d.Code).HasMaxLength(ColumnWidths.DossierCode);
        b.Property(d => d.ProcedureCode).HasMaxLength(ColumnWidths.ProcedureCode);
        b.Property(d => d.ProcedureName).HasMaxLength(ColumnWidths.ProcedureName);
        b.Property(d => d.FieldCode).HasMaxLength(ColumnWidths.FieldCode);
        b.Property(d => d.FieldName).HasMaxLength(ColumnWidths.FieldName);
        b.Property(d => d.AgencyCode).HasMaxLength(ColumnWidths.AgencyCode);
        b.Property(d => d.Handling).HasConversion<int>();

        // Lists behind a figure filter by agency and the received day (a range), or by agency and the end day: one index
        // serves both, the end day read from the index entry before the row (docs/decisions/027). A second index on
        // (AgencyId, EndDay) cost every ingested dossier one more random B-tree insert (issue 13).
        b.HasIndex(d => new { d.AgencyId, d.ReceivedDay, d.EndDay });
        // Dossiers derived while their procedure was unknown are found again when it becomes known (a partial index, its
        // filter per provider in ReportingDbContext.OnModelCreating).
        b.HasIndex(d => new { d.ProcedureKnown, d.ProcedureCode });
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
