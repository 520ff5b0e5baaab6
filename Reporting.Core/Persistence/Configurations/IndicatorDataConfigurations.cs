using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Calendar;
using Reporting.Core.Indicators;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.Property(t => t.IndicatorCode).HasMaxLength(16);
        b.Property(t => t.AgencyKind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Value).HasPrecision(9, 2);
        b.Property(t => t.LegalSource).HasMaxLength(500);
        b.HasIndex(t => new { t.IndicatorCode, t.Year });
    }
}

internal sealed class RatingBandConfiguration : IEntityTypeConfiguration<RatingBand>
{
    public void Configure(EntityTypeBuilder<RatingBand> b)
    {
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.MinScore).HasPrecision(9, 2);
        b.Property(r => r.LegalSource).HasMaxLength(500);
    }
}

internal sealed class ManualIndicatorValueConfiguration : IEntityTypeConfiguration<ManualIndicatorValue>
{
    public void Configure(EntityTypeBuilder<ManualIndicatorValue> b)
    {
        b.Property(m => m.IndicatorCode).HasMaxLength(16);
        b.Property(m => m.PeriodKey).HasMaxLength(16);
        b.Property(m => m.Numerator).HasPrecision(18, 2);
        b.Property(m => m.Denominator).HasPrecision(18, 2);
        b.Property(m => m.Value).HasPrecision(9, 2);
        b.Property(m => m.Source).HasMaxLength(500);
        b.Property(m => m.EnteredBy).HasMaxLength(100);
        b.HasIndex(m => new { m.IndicatorCode, m.AgencyId, m.PeriodKey }).IsUnique();
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(c => c.Date);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Source).HasMaxLength(500);
    }
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(1000);
        b.Property(s => s.Note).HasMaxLength(1000);
    }
}
