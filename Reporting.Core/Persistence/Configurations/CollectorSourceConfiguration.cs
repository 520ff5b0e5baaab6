using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Collectors;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class CollectorSourceConfiguration : IEntityTypeConfiguration<CollectorSource>
{
    public void Configure(EntityTypeBuilder<CollectorSource> b)
    {
        b.ToTable("CollectorSources");
        b.Property(s => s.Name).HasMaxLength(64);
        b.HasIndex(s => s.Name).IsUnique();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.BaseUrl).HasMaxLength(500);
        b.Property(s => s.ApiKey).HasMaxLength(500);
        b.Property(s => s.Cron).HasMaxLength(120);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.LastError).HasMaxLength(2000);
    }
}
