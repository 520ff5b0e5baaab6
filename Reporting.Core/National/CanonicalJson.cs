using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Reporting.Core.National;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785 (JCS): what the submission's signature covers, so a
/// receiver in any language re-creates the same bytes from the body it parsed. Properties sorted by
/// UTF-16 code units, recursively; no whitespace; strings escaped as ECMAScript's JSON.stringify
/// does (only <c>"</c>, <c>\</c> and control characters; everything else literal UTF-8); numbers as
/// IEEE 754 doubles written by ECMAScript's Number-to-String (ADR 014 says why this is hand-written).
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical UTF-8 bytes of a JSON text.</summary>
    /// <exception cref="CanonicalJsonException">Not JSON, a duplicate property, a number that is not finite, a lone surrogate.</exception>
    public static byte[] Canonicalize(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CanonicalJsonException($"Không phải JSON hợp lệ: {e.Message}");
        }

        using (document)
        {
            return Canonicalize(document.RootElement);
        }
    }

    /// <summary>The canonical UTF-8 bytes of a parsed JSON value.</summary>
    public static byte[] Canonicalize(JsonElement element)
    {
        var text = new StringBuilder();
        try
        {
            Write(element, text);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses to decode an escaped lone surrogate into a string.
            throw new CanonicalJsonException($"Chuỗi không đọc được: {e.Message}");
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(text.ToString());
        }
        catch (EncoderFallbackException)
        {
            throw new CanonicalJsonException("Chuỗi có ký tự UTF-16 lẻ cặp (lone surrogate), không mã hoá UTF-8 được.");
        }
    }

    /// <summary>The canonical text of a serialisable value (serialised with the given options, then canonicalised).</summary>
    public static byte[] Canonicalize<T>(T value, JsonSerializerOptions options) =>
        Canonicalize(JsonSerializer.SerializeToElement(value, options));

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<JsonProperty>();
                foreach (var property in element.EnumerateObject())
                {
                    properties.Add(property);
                }

                // string.CompareOrdinal compares UTF-16 code units, which is RFC 8785's order.
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                text.Append('{');
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0)
                    {
                        if (properties[i].Name == properties[i - 1].Name)
                        {
                            throw new CanonicalJsonException($"Thuộc tính '{properties[i].Name}' xuất hiện hai lần.");
                        }

                        text.Append(',');
                    }

                    WriteString(properties[i].Name, text);
                    text.Append(':');
                    Write(properties[i].Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first) text.Append(',');
                    first = false;
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                text.Append(Number(element.GetDouble()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new CanonicalJsonException($"Giá trị JSON không hỗ trợ: {element.ValueKind}.");
        }
    }

    /// <summary>A string as JSON.stringify writes it (RFC 8785 §3.2.2.2).</summary>
    public static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>
    /// ECMAScript's Number::toString for a finite double (ECMA-262 §7.1.12.1, RFC 8785 §3.2.2.3): the
    /// shortest digits that round-trip (what .NET's "R" gives since .NET Core 3.0), laid out as plain
    /// digits for exponents in [-6, 21) and as <c>d.ddde±x</c> otherwise; -0 is "0".
    /// </summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new CanonicalJsonException("Số NaN hoặc vô cực không có dạng JSON.");
        }

        if (value == 0)
        {
            return "0";
        }

        // "E16" is not shortest; "R" is, but in varied layouts. Take its digits and exponent.
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative) r = r[1..];
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.');
        var integerPart = dot >= 0 ? r[..dot] : r;
        var fraction = dot >= 0 ? r[(dot + 1)..] : "";
        var digits = (integerPart + fraction).TrimStart('0');
        // n: the position of the decimal point relative to the digits (value = 0.digits × 10^n).
        var leadingZeros = (integerPart + fraction).Length - digits.Length;
        var n = integerPart.Length + exponent - leadingZeros;
        digits = digits.TrimEnd('0');
        var k = digits.Length;

        var result = new StringBuilder();
        if (negative) result.Append('-');
        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }

            result.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }
}

/// <summary>A JSON text that has no canonical form (RFC 8785 refuses it).</summary>
public sealed class CanonicalJsonException(string message) : Exception(message);
