using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Core.Periods;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Templates;

namespace Reporting.Core.National;

/// <summary>What a receiver concluded about a submission body: accepted, or the HTTP status and the reason.</summary>
/// <remarks><see cref="SignatureValid"/> is null when the body was refused before its signature could be checked.</remarks>
public sealed record SubmissionVerdict(
    bool Accepted, int Status, string? Reason, bool? SignatureValid, string? Signer, string? FormCode, string? AgencyCode, string? PeriodKey, int? Version)
{
    public static SubmissionVerdict Refuse(int status, string reason) => new(false, status, reason, null, null, null, null, null, null);
}

/// <summary>
/// What the receiver of a submission must check (README "National submission"), written once for the
/// product's receiver simulator and as the reference for the real receiver: the body's shape (400),
/// the detached signature over the canonical body without <c>signature</c>, with the certificate it
/// carries (422), and the rows against the form's identities (422). Whether that certificate is one the
/// receiver trusts (chain to the provincial CA, revocation) is the receiver's policy, not checked here.
/// </summary>
public static class SubmissionCheck
{
    private static readonly string[] Texts = ["regimeCode", "formCode", "periodKey", "agencyCode", "agencyName", "submittedAt", "signature"];

    public static SubmissionVerdict Check(string body)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("không phải đối tượng JSON");
        }
        catch (JsonException e)
        {
            return SubmissionVerdict.Refuse(400, $"Nội dung không phải JSON hợp lệ: {e.Message}");
        }

        var missing = Texts.Where(name => !IsText(json[name])).ToList();
        if (missing.Count > 0)
        {
            return SubmissionVerdict.Refuse(400, $"Thiếu hoặc sai kiểu trường: {string.Join(", ", missing)}.");
        }

        if (!DateOnly.TryParseExact(Text(json, "from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(Text(json, "to"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
        {
            return SubmissionVerdict.Refuse(400, "Trường from/to phải là ngày yyyy-MM-dd, from không sau to.");
        }

        if (Text(json, "window") is not ("cutoff" or "calendar"))
        {
            return SubmissionVerdict.Refuse(400, "Trường window phải là cutoff hoặc calendar.");
        }

        if (json["version"] is not JsonValue v || !v.TryGetValue<int>(out var version) || version < 1)
        {
            return SubmissionVerdict.Refuse(400, "Trường version phải là số nguyên từ 1.");
        }

        if (json["signer"] is not JsonObject signer || !IsText(signer["subject"]))
        {
            return SubmissionVerdict.Refuse(400, "Thiếu thông tin người ký (signer.subject).");
        }

        var formCode = Text(json, "formCode")!;
        var template = ReportForms.For(formCode, new DateWindow(from, to));
        if (template is null)
        {
            return SubmissionVerdict.Refuse(400, $"Không có biểu '{formCode}'.");
        }

        var (rows, rowError) = Rows(json["rows"], template);
        if (rowError is not null)
        {
            return SubmissionVerdict.Refuse(400, rowError);
        }

        byte[] signed;
        try
        {
            signed = SubmissionBody.SignedBytes(json);
        }
        catch (CanonicalJsonException e)
        {
            return SubmissionVerdict.Refuse(400, $"Nội dung không có dạng chuẩn RFC 8785: {e.Message}");
        }

        var signature = SubmissionSignature.Verify(signed, Text(json, "signature"));
        if (!signature.Valid)
        {
            return SubmissionVerdict.Refuse(422, $"Chữ ký không hợp lệ: {signature.Error}") with { SignatureValid = false };
        }

        var verdict = new SubmissionVerdict(true, 202, null, true, signature.Signer!.Subject, formCode, Text(json, "agencyCode"), Text(json, "periodKey"), version);
        var violations = ReportIdentities.Check(template, rows!);
        return violations.Count == 0
            ? verdict
            : verdict with { Accepted = false, Status = 422, Reason = "Số liệu không khớp: " + string.Join(" ", violations.Select(x => x.Message)) };
    }

    /// <summary>
    /// The rows as the form's rows. The JSON carries no group: an item belongs to the subtotal above it
    /// (the print order of templates.md), which is what the identities need.
    /// </summary>
    private static (List<ReportRow>? Rows, string? Error) Rows(JsonNode? node, ReportTemplate template)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            return (null, "Trường rows phải là mảng các dòng của biểu, không rỗng.");
        }

        var rows = new List<ReportRow>();
        string? group = null;
        foreach (var (item, index) in array.Select((n, i) => (n, i + 1)))
        {
            if (item is not JsonObject row || !IsText(row["key"]) || !IsText(row["label"]) || row["values"] is not JsonObject values)
            {
                return (null, $"Dòng thứ {index}: cần key, label và values.");
            }

            var kind = Text(row, "kind") switch
            {
                "item" => ReportRowKind.Item,
                "subtotal" => ReportRowKind.Subtotal,
                "total" => ReportRowKind.Total,
                _ => (ReportRowKind?)null,
            };
            if (kind is null)
            {
                return (null, $"Dòng thứ {index}: kind phải là item, subtotal hoặc total.");
            }

            var cells = ImmutableSortedDictionary.CreateBuilder<int, int>();
            foreach (var (name, value) in values)
            {
                if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var column) || !template.HasColumn(column))
                {
                    return (null, $"Dòng thứ {index} ('{Text(row, "label")}'): biểu không có cột '{name}'.");
                }

                if (value is not JsonValue number || !number.TryGetValue<int>(out var count))
                {
                    return (null, $"Dòng thứ {index} ('{Text(row, "label")}'), cột ({name}): phải là số nguyên.");
                }

                cells[column] = count;
            }

            var key = Text(row, "key")!;
            group = kind == ReportRowKind.Subtotal ? key : kind == ReportRowKind.Total ? null : group;
            rows.Add(new ReportRow
            {
                Kind = kind.Value, Key = key, Label = Text(row, "label")!, Group = kind == ReportRowKind.Item ? group : null, Cells = cells.ToImmutable(),
            });
        }

        return rows.Count(r => r.Kind == ReportRowKind.Total) == 1 ? (rows, null) : (null, "Biểu phải có đúng một dòng tổng cộng (kind total).");
    }

    private static bool IsText(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text);

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
