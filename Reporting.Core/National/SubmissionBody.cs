using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Core.Periods;
using Reporting.Core.Reports;
using Reporting.Core.Reports.Workflow;

namespace Reporting.Core.National;

/// <summary>Who signed: the reviewer who sent, and the certificate the signature was made with.</summary>
public sealed record SubmissionSigner(string Name, string Subject, string Issuer, string SerialNumber, string Thumbprint);

/// <summary>
/// The body of <c>POST {BaseUrl}/submissions</c> (api.md): built from the accepted version's stored
/// JSON, never from live data, then signed over its RFC 8785 canonical bytes. The text returned is
/// itself canonical (with <c>signature</c>), so a receiver that removes <c>signature</c> and
/// canonicalises gets back exactly the signed bytes.
/// </summary>
public static class SubmissionBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string IdempotencyKey(int instanceId, int version) => string.Create(CultureInfo.InvariantCulture, $"{instanceId}-{version}");

    public static string Build(ReportInstance instance, ReportVersion version, string sentBy, X509Certificate2 certificate, DateTimeOffset submittedAt, string? comment)
    {
        var stored = StoredJson.Read<StoredDocument>(version.RowsJson);
        var rows = stored.Rows.Select(r => r.ToRow()).ToList();
        var body = new JsonObject
        {
            ["regimeCode"] = instance.RegimeCode,
            ["formCode"] = instance.FormCode,
            ["periodKey"] = instance.PeriodKey,
            ["window"] = instance.WindowKind == WindowKind.Cutoff ? "cutoff" : "calendar", // api.md's names, as ApiQuery.Name
            ["from"] = instance.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = instance.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["agencyCode"] = instance.AgencyCode,
            ["agencyName"] = instance.AgencyName,
            ["version"] = version.Number,
            ["submittedAt"] = submittedAt.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["signer"] = JsonSerializer.SerializeToNode(Signer(sentBy, certificate), Json),
            ["rows"] = JsonSerializer.SerializeToNode(ReportJson.Rows(rows), Json),
            ["pending"] = JsonSerializer.SerializeToNode(rows.Where(r => r.Pending).Select(r => r.Key).ToList(), Json),
            ["pendingReason"] = comment,
            ["adjustments"] = JsonNode.Parse(version.OverridesJson),
        };
        var signed = CanonicalJson.Canonicalize(body.ToJsonString());
        body["signature"] = SubmissionSignature.Sign(signed, certificate);
        return Encoding.UTF8.GetString(CanonicalJson.Canonicalize(body.ToJsonString()));
    }

    /// <summary>The bytes the signature covers: the body without <c>signature</c>, canonical (what a receiver re-creates).</summary>
    public static byte[] SignedBytes(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("signature");
        return CanonicalJson.Canonicalize(copy.ToJsonString());
    }

    public static SubmissionSigner Signer(string name, X509Certificate2 certificate) => new(
        name, certificate.Subject, certificate.Issuer, certificate.SerialNumber,
        Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256)));
}
