using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Ingest;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.HasKey(p => p.TransactionCode);
        b.Property(p => p.TransactionCode).HasMaxLength(ColumnWidths.TransactionCode);
        b.Property(p => p.Source).HasMaxLength(ColumnWidths.SourceName);
        b.Property(p => p.DossierCode).HasMaxLength(ColumnWidths.DossierCode);
        b.Property(p => p.State).HasMaxLength(ColumnWidths.PaymentState);
        b.Property(p => p.Amount).HasPrecision(18, 0);
        b.HasIndex(p => p.DossierCode);
    }
}
