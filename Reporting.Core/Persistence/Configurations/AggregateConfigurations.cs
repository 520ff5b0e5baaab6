using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Aggregates;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class AgencyBucketStatConfiguration : IEntityTypeConfiguration<AgencyBucketStat>
{
    public void Configure(EntityTypeBuilder<AgencyBucketStat> b)
    {
        b.HasKey(s => new { s.Bucket, s.AgencyId });
        b.ToTable("AgencyBucketStats");
    }
}

internal sealed class ProcedureBucketStatConfiguration : IEntityTypeConfiguration<ProcedureBucketStat>
{
    public void Configure(EntityTypeBuilder<ProcedureBucketStat> b)
    {
        b.HasKey(s => new { s.Bucket, s.AgencyId, s.ProcedureCode });
        b.Property(s => s.ProcedureCode).HasMaxLength(32);
        // No secondary index: every read (Biểu 06 by procedure, the worst procedures, the activity recount)
        // filters on a prefix of the key, and "procedures with activity" is read from ProcedureYearActivity.
        b.ToTable("ProcedureBucketStats");
    }
}

internal sealed class ResultGapStatConfiguration : IEntityTypeConfiguration<ResultGapStat>
{
    public void Configure(EntityTypeBuilder<ResultGapStat> b)
    {
        b.HasKey(s => new { s.ReceivedBucket, s.EndedBucket, s.AgencyId });
        b.ToTable("ResultGapStats");
    }
}

internal sealed class AggregateStateConfiguration : IEntityTypeConfiguration<AggregateState>
{
    public void Configure(EntityTypeBuilder<AggregateState> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.ToTable("AggregateState");
    }
}

internal sealed class ProcedureYearActivityConfiguration : IEntityTypeConfiguration<ProcedureYearActivity>
{
    public void Configure(EntityTypeBuilder<ProcedureYearActivity> b)
    {
        b.HasKey(s => new { s.Year, s.AgencyId, s.ProcedureCode });
        b.Property(s => s.ProcedureCode).HasMaxLength(32);
        b.ToTable("ProcedureYearActivity");
    }
}
