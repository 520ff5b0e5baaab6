namespace Reporting.Demo.Province;

/// <summary>
/// The demo procedure catalogue: real Vietnamese procedure names grouped in fields, each field owned
/// by a department (a procedure may name another owner). Codes look like national codes
/// (<c>1.004227</c> for province or both levels, <c>2.001193</c> for commune level) and are drawn once
/// from a fixed generator, so the catalogue is the same for every seed.
/// </summary>
internal static partial class DemoCatalogue
{
    /// <summary>Share of dossiers that name a retired procedure, not in the catalogue.</summary>
    public const double RetiredProcedureShare = 0.002;

    public static DemoCatalogueContent Build()
    {
        var codes = new CodeSource();
        var fields = new List<DemoField>();
        var procedures = new List<DemoProcedure>();
        foreach (var spec in FieldSpecs())
        {
            var field = new DemoField(spec.Code, spec.Name, spec.OwnerKey, spec.ResultName, spec.Components);
            fields.Add(field);
            foreach (var p in spec.Procedures)
            {
                var procedure = Create(p, field, codes.Next(p.Level));
                field.Procedures.Add(procedure);
                procedures.Add(procedure);
            }
        }

        var retired = RetiredSpecs().Select(r =>
        {
            var field = fields.Single(f => f.Code == r.FieldCode);
            return Create(r.Procedure, field, codes.Next(r.Procedure.Level), inCatalogue: false);
        }).ToList();
        return new DemoCatalogueContent(fields, procedures, retired);
    }

    private static DemoProcedure Create(ProcedureSpec p, DemoField field, string code, bool inCatalogue = true) => new()
    {
        Code = code,
        Name = p.Name,
        Field = field,
        Level = p.Level,
        Days = p.Days,
        Fee = p.Fee,
        Weight = p.Weight,
        MucDoDvc = p.Dvc,
        HasResult = p.Result,
        OwnerKey = p.Owner,
        PerPage = p.PerPage,
        FinancialObligation = p.Finance,
        ResultName = p.ResultName ?? field.ResultName,
        Components = p.Components ?? field.Components,
        InCatalogue = inCatalogue,
    };

    /// <summary>Unique national-looking codes from a fixed generator.</summary>
    private sealed class CodeSource
    {
        private readonly Random _random = new(766);
        private readonly HashSet<string> _used = [];

        public string Next(ProcedureLevel level)
        {
            var prefix = level is ProcedureLevel.Xa or ProcedureLevel.Huyen ? '2' : '1';
            while (true)
            {
                var code = $"{prefix}.{_random.Next(150, 13_000):D6}";
                if (_used.Add(code))
                {
                    return code;
                }
            }
        }
    }

    private sealed record FieldSpec(
        string Code, string Name, string OwnerKey, string ResultName, string[] Components, ProcedureSpec[] Procedures);

    private sealed record ProcedureSpec(
        string Name, ProcedureLevel Level, int Days, int Fee, double Weight, int Dvc, bool Result,
        string? Owner, bool PerPage, bool Finance, string? ResultName, string[]? Components);

    private static FieldSpec F(
        string code, string name, string owner, string resultName, string[] components, params ProcedureSpec[] procedures) =>
        new(code, name, owner, resultName, components, procedures);

    private static ProcedureSpec P(
        string name, ProcedureLevel level, int days, int fee = 0, double w = 1, int dvc = 2, bool result = true,
        string? owner = null, bool perPage = false, bool finance = false, string? resultName = null, string[]? components = null) =>
        new(name, level, days, fee, w, dvc, result, owner, perPage, finance, resultName, components);
}

internal sealed record DemoCatalogueContent(
    IReadOnlyList<DemoField> Fields, IReadOnlyList<DemoProcedure> Procedures, IReadOnlyList<DemoProcedure> Retired);
