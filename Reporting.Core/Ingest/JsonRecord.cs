using System.Globalization;
using System.Text.Json;
using Reporting.Core.Feeds;

namespace Reporting.Core.Ingest;

/// <summary>
/// Reads typed fields out of one raw record, collecting a reason for each bad field instead of
/// throwing, so that a record is either whole or quarantined with every reason at once.
/// </summary>
internal readonly struct JsonRecord(JsonElement element, List<QuarantineReason> reasons, string prefix = "")
{
    public JsonElement Element => element;

    /// <summary>A trimmed text; longer than <paramref name="maxLength"/> (its column's width) is a <c>too-long</c> reason.</summary>
    public string? String(string field, bool required = false, int maxLength = int.MaxValue)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            if (required) reasons.Add(QuarantineReason.Missing(prefix + field));
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            reasons.Add(QuarantineReason.Value(prefix + field, value.GetRawText()));
            return null;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            if (required) reasons.Add(QuarantineReason.Missing(prefix + field));
            return null;
        }

        if (text.Length > maxLength)
        {
            reasons.Add(QuarantineReason.Long(prefix + field, text.Length, maxLength));
            return null;
        }

        return text;
    }

    /// <summary>An integer code; <paramref name="allowed"/> rejects unknown codes.</summary>
    public int? Code(string field, Func<int, bool> allowed, bool required = false)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            if (required) reasons.Add(QuarantineReason.Missing(prefix + field));
            return null;
        }

        int parsed;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out parsed))
        {
        }
        else if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out parsed))
        {
        }
        else if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
        {
            if (required) reasons.Add(QuarantineReason.Missing(prefix + field));
            return null;
        }
        else
        {
            reasons.Add(QuarantineReason.Unknown(prefix + field, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
            return null;
        }

        if (!allowed(parsed))
        {
            reasons.Add(QuarantineReason.Unknown(prefix + field, parsed.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return parsed;
    }

    public bool Flag(string field) => Code(field, v => v is 0 or 1) == 1;

    public DateTime? Date(string field, bool required = false)
    {
        var text = String(field, required);
        if (text is null)
        {
            return null;
        }

        if (FeedDates.TryParse(text, out var local))
        {
            if (Periods.DateBounds.Contains(local))
            {
                return local;
            }

            reasons.Add(new QuarantineReason(QuarantineReason.BadDate, prefix + field,
                $"Ngày ở trường {prefix + field} ngoài khoảng chấp nhận ({Periods.DateBounds.Range}): '{text}'."));
            return null;
        }

        reasons.Add(QuarantineReason.Date(prefix + field, text));
        return null;
    }

    public decimal? Decimal(string field, bool required = false)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            if (required) reasons.Add(QuarantineReason.Missing(prefix + field));
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        reasons.Add(QuarantineReason.Value(prefix + field, value.GetRawText()));
        return null;
    }

    /// <summary>The items of an array field (missing or null is an empty list).</summary>
    public IEnumerable<JsonRecord> Array(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            reasons.Add(QuarantineReason.Value(prefix + field, "không phải mảng"));
            yield break;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPrefix = $"{prefix}{field}[{i++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                reasons.Add(QuarantineReason.Value(itemPrefix.TrimEnd('.'), item.GetRawText()));
                continue;
            }

            yield return new JsonRecord(item, reasons, itemPrefix);
        }
    }
}
