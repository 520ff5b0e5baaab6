using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Access;
using Reporting.Core.Audit;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.AgencyCode).HasMaxLength(64);
    }
}

internal sealed class StoredApiKeyConfiguration : IEntityTypeConfiguration<StoredApiKey>
{
    public void Configure(EntityTypeBuilder<StoredApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.Property(k => k.Name).HasMaxLength(64);
        b.Property(k => k.SecretHash).HasMaxLength(64);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.Scopes).HasMaxLength(100);
        b.Property(k => k.AgencyCode).HasMaxLength(64);
        b.Property(k => k.CreatedBy).HasMaxLength(256);
        b.HasIndex(k => k.Name).IsUnique();
        b.HasIndex(k => k.SecretHash).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(a => a.ActorKind).HasMaxLength(16);
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Address).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.Target).HasMaxLength(256);
        b.Property(a => a.Before).HasMaxLength(AuditLog.MaxText);
        b.Property(a => a.After).HasMaxLength(AuditLog.MaxText);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.Actor, a.At });
        b.HasIndex(a => new { a.Action, a.At });
    }
}
