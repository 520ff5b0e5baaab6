using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Ingest;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class QuarantinedRecordConfiguration : IEntityTypeConfiguration<QuarantinedRecord>
{
    public void Configure(EntityTypeBuilder<QuarantinedRecord> b)
    {
        b.ToTable("Quarantine");
        b.Property(q => q.Source).HasMaxLength(ColumnWidths.SourceName);
        b.Property(q => q.Kind).HasMaxLength(16);
        b.Property(q => q.RecordKey).HasMaxLength(ColumnWidths.DossierCode);
        b.Property(q => q.ScopeAgency).HasMaxLength(ColumnWidths.AgencyCode);
        b.Property(q => q.AgencyCode).HasMaxLength(ColumnWidths.AgencyCode);
        b.Property(q => q.ReasonCodes).HasMaxLength(300);
        b.Property(q => q.State).HasConversion<int>();
        b.HasIndex(q => new { q.State, q.Source, q.QuarantinedAt });
        b.HasIndex(q => new { q.Source, q.RecordKey });
    }
}
