using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Collectors;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class CollectorRunConfiguration : IEntityTypeConfiguration<CollectorRun>
{
    public void Configure(EntityTypeBuilder<CollectorRun> b)
    {
        b.ToTable("CollectorRuns");
        b.Property(r => r.Source).HasMaxLength(ColumnWidths.SourceName);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.HasIndex(r => new { r.Source, r.StartedAt });
    }
}
