using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Agencies;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class ReportRegimeConfiguration : IEntityTypeConfiguration<ReportRegime>
{
    public void Configure(EntityTypeBuilder<ReportRegime> b)
    {
        b.ToTable("ReportRegimes");
        b.HasIndex(r => r.Code).IsUnique();
        b.Property(r => r.Code).HasMaxLength(64);
        b.Property(r => r.Name).HasMaxLength(500);
        b.Property(r => r.LegalBasis).HasMaxLength(1000);
        b.Property(r => r.DeadlineSource).HasMaxLength(1000);
        b.Property(r => r.Recipient).HasMaxLength(500);
        b.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Window).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Forms).HasConversion(JsonList<string>.Converter, JsonList<string>.Comparer).HasMaxLength(500);
        b.Property(r => r.Reporters).HasConversion(JsonList<AgencyKind>.Converter, JsonList<AgencyKind>.Comparer).HasMaxLength(500);
    }
}

internal sealed class ReportInstanceConfiguration : IEntityTypeConfiguration<ReportInstance>
{
    public void Configure(EntityTypeBuilder<ReportInstance> b)
    {
        b.ToTable("ReportInstances");
        b.HasIndex(i => new { i.RegimeCode, i.FormCode, i.AgencyCode, i.PeriodKey }).IsUnique();
        b.HasIndex(i => new { i.PeriodKey, i.State });
        b.Property(i => i.RegimeCode).HasMaxLength(64);
        b.Property(i => i.FormCode).HasMaxLength(32);
        b.Property(i => i.AgencyCode).HasMaxLength(64);
        b.Property(i => i.AgencyName).HasMaxLength(500);
        b.Property(i => i.PeriodKey).HasMaxLength(16);
        b.Property(i => i.CreatedBy).HasMaxLength(200);
        b.Property(i => i.WindowKind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Revision).IsConcurrencyToken();
        b.Ignore(i => i.Period);
        b.Ignore(i => i.Window);
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b)
    {
        b.ToTable("ReportVersions");
        b.HasIndex(v => new { v.InstanceId, v.Number }).IsUnique();
        b.HasOne<ReportInstance>().WithMany().HasForeignKey(v => v.InstanceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(v => v.SubmittedBy).HasMaxLength(200);

        // Versions are immutable: EF refuses to save a change to any column of a stored version.
        foreach (var property in b.Metadata.GetProperties().Where(p => !p.IsPrimaryKey()))
        {
            property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
        }
    }
}

internal sealed class ReportTransitionConfiguration : IEntityTypeConfiguration<ReportTransition>
{
    public void Configure(EntityTypeBuilder<ReportTransition> b)
    {
        b.ToTable("ReportTransitions");
        b.HasIndex(t => t.InstanceId);
        b.HasOne<ReportInstance>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Action).HasMaxLength(32);
        b.Property(t => t.By).HasMaxLength(200);
        b.Property(t => t.Comment).HasMaxLength(2000);
        b.Property(t => t.FromState).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.ToState).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>A short list stored as a JSON array in one column.</summary>
internal static class JsonList<T>
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> Converter = new(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<List<T>>(v, (JsonSerializerOptions?)null) ?? new List<T>());

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => (a ?? new List<T>()).SequenceEqual(b ?? new List<T>()),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
        v => v.ToList());
}
