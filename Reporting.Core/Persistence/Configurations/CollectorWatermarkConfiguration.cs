using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Collectors;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class CollectorWatermarkConfiguration : IEntityTypeConfiguration<CollectorWatermark>
{
    public void Configure(EntityTypeBuilder<CollectorWatermark> b)
    {
        b.ToTable("CollectorWatermarks");
        b.HasKey(w => w.Source);
        b.Property(w => w.Source).HasMaxLength(ColumnWidths.SourceName);
    }
}
