using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.National;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.Persistence.Configurations;

/// <summary>Column widths the delivery also cuts to, so a long answer is shortened, never a failed save.</summary>
public static class NationalSubmissionConfigurationLengths
{
    public const int Error = 2000;
}

internal sealed class NationalSubmissionConfiguration : IEntityTypeConfiguration<NationalSubmission>
{
    public void Configure(EntityTypeBuilder<NationalSubmission> b)
    {
        b.ToTable("NationalSubmissions");
        // One submission per version: a version is never sent twice with different bodies.
        b.HasIndex(s => new { s.InstanceId, s.Version }).IsUnique();
        b.HasIndex(s => s.IdempotencyKey).IsUnique();
        b.HasIndex(s => new { s.State, s.NextAttemptUtc });
        b.HasOne<ReportInstance>().WithMany().HasForeignKey(s => s.InstanceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.IdempotencyKey).HasMaxLength(64);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
        b.Property(s => s.Comment).HasMaxLength(2000);
        b.Property(s => s.ReceiptId).HasMaxLength(200);
        b.Property(s => s.ReceivedAt).HasMaxLength(64);
        b.Property(s => s.Error).HasMaxLength(NationalSubmissionConfigurationLengths.Error);
    }
}

internal sealed class NationalSubmissionAttemptConfiguration : IEntityTypeConfiguration<NationalSubmissionAttempt>
{
    public void Configure(EntityTypeBuilder<NationalSubmissionAttempt> b)
    {
        b.ToTable("NationalSubmissionAttempts");
        b.HasIndex(a => new { a.SubmissionId, a.Number }).IsUnique();
        b.HasOne<NationalSubmission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.ReceiptId).HasMaxLength(200);
        b.Property(a => a.Error).HasMaxLength(NationalSubmissionConfigurationLengths.Error);
    }
}
