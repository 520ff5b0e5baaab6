using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Agencies;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.Code).HasMaxLength(ColumnWidths.AgencyCode);
        b.Property(a => a.Name).HasMaxLength(ColumnWidths.AgencyName);
        b.Property(a => a.AdminUnitCode).HasMaxLength(ColumnWidths.AdminUnitCode);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => new { a.Code, a.ValidFrom }).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencySuccessionConfiguration : IEntityTypeConfiguration<AgencySuccession>
{
    public void Configure(EntityTypeBuilder<AgencySuccession> b)
    {
        b.HasKey(s => new { s.PredecessorId, s.SuccessorId });
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
