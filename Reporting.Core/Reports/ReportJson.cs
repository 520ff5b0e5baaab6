namespace Reporting.Core.Reports;

/// <summary>A row as the API and the submission carry it (api.md).</summary>
public sealed record ReportRowJson(string Kind, string Key, string Label, IReadOnlyDictionary<string, int> Values, bool? Pending);

/// <summary>A column of the form: its number and full name, and whether it is computed, manual or a sum.</summary>
public sealed record ReportColumnJson(int Number, string Name, string Source);

/// <summary>The JSON of a filled form: <c>GET /reports/{form}</c>, the report instances and the payload all use it.</summary>
public static class ReportJson
{
    public static IReadOnlyList<ReportRowJson> Rows(ReportDocument report) => Rows(report.Rows);

    public static IReadOnlyList<ReportRowJson> Rows(IEnumerable<ReportRow> rows) =>
        rows.Select(r => new ReportRowJson(
            r.Kind.ToString().ToLowerInvariant(), r.Key, r.Label, r.Values, r.Pending ? true : null)).ToList();

    public static IReadOnlyList<ReportColumnJson> Columns(ReportDocument report) =>
        report.Template.Columns.Select(c => new ReportColumnJson(c.Number, c.Name, c.Source.ToString().ToLowerInvariant())).ToList();

    public static IReadOnlyList<object> Violations(IEnumerable<ReportViolation> violations) =>
        violations.Select(v => (object)new { row = v.RowKey, column = v.Column, message = v.Message }).ToList();
}
