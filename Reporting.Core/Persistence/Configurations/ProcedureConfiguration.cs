using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reporting.Core.Procedures;

namespace Reporting.Core.Persistence.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(ColumnWidths.ProcedureCode);
        b.Property(p => p.Name).HasMaxLength(ColumnWidths.ProcedureName);
        b.Property(p => p.FieldCode).HasMaxLength(ColumnWidths.FieldCode);
        b.Property(p => p.FieldName).HasMaxLength(ColumnWidths.FieldName);
    }
}
