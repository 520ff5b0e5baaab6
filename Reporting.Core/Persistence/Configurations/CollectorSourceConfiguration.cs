using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Collectors;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class CollectorSourceConfiguration : IEntityTypeConfiguration<CollectorSource>
{
    public void Configure(EntityTypeBuilder<CollectorSource> b)
    {
        b.ToTable("CollectorSources");
        b.Property(s => s.Name).HasMaxLength(ColumnWidths.SourceName);
        b.HasIndex(s => s.Name).IsUnique();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.BaseUrl).HasMaxLength(ColumnWidths.CollectorBaseUrl);
        b.Property(s => s.ApiKey).HasMaxLength(ColumnWidths.CollectorApiKey);
        b.Property(s => s.Cron).HasMaxLength(ColumnWidths.CollectorCron);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.LastError).HasMaxLength(2000);
    }
}
