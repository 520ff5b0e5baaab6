using System.Globalization;
using System.Text;
using System.Text.Json;
using Reporting.Core.Feeds;

namespace Reporting.Core.Ingest;

/// <summary>Where one field's value lies in a record's UTF-8 text (its raw JSON, quotes included); <see cref="Length"/> 0 when absent.</summary>
internal readonly record struct JsonSlot(int Start, int Length, JsonTokenType Kind);

/// <summary>The field names one kind of record is read for, with their UTF-8 bytes, in the order producers usually send them.</summary>
internal sealed class JsonFieldSet
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    public JsonFieldSet(params string[] names)
    {
        _names = names;
        _utf8 = names.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public int Count => _names.Length;

    public int IndexOf(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (ReferenceEquals(_names[i], name)) return i;
        }

        var index = Array.IndexOf(_names, name);
        return index >= 0 ? index : throw new ArgumentException($"'{name}' is not a field of this record kind.", nameof(name));
    }

    /// <summary>The index of the property name under <paramref name="reader"/>, or -1; <paramref name="expected"/> (the field after the last one matched) is tried first.</summary>
    public int Match(ref Utf8JsonReader reader, int expected)
    {
        if (reader.ValueIsEscaped)
        {
            return Array.IndexOf(_names, reader.GetString());
        }

        var name = reader.ValueSpan;
        if ((uint)expected < (uint)_utf8.Length && name.SequenceEqual(_utf8[expected]))
        {
            return expected;
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            if (name.SequenceEqual(_utf8[i])) return i;
        }

        return -1;
    }
}

/// <summary>
/// Reads typed fields out of one raw record, collecting a reason for each bad field instead of
/// throwing, so that a record is either whole or quarantined with every reason at once.
/// The record's UTF-8 text is read once, forward (<see cref="Utf8JsonReader"/>): each known field's
/// place is noted, then fields are decoded where they are asked for. No document tree is built and no
/// property is searched by name. A field sent twice counts with its last value, as a JSON document reads it.
/// </summary>
internal ref struct JsonRecord
{
    private readonly ReadOnlySpan<byte> _json;
    private readonly JsonFieldSet _fields;
    private readonly Span<JsonSlot> _slots;
    private readonly List<QuarantineReason> _reasons;
    private readonly string _prefix;
    private readonly int _item;

    /// <param name="json">One JSON object (already known to be well-formed).</param>
    /// <param name="slots">Room for one slot per field of <paramref name="fields"/>; cleared here.</param>
    /// <param name="prefix">Prepended to field names in reasons; with <paramref name="item"/> ≥ 0 the item of the array field <paramref name="prefix"/>.</param>
    public JsonRecord(ReadOnlySpan<byte> json, JsonFieldSet fields, Span<JsonSlot> slots, List<QuarantineReason> reasons, string prefix = "", int item = -1)
    {
        _json = json;
        _fields = fields;
        _slots = slots[..fields.Count];
        _reasons = reasons;
        _prefix = prefix;
        _item = item;
        _slots.Clear();

        var reader = new Utf8JsonReader(json);
        reader.Read();
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = fields.Match(ref reader, expected);
            reader.Read();
            var kind = reader.TokenType;
            var start = (int)reader.TokenStartIndex;
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            if (index >= 0)
            {
                _slots[index] = new JsonSlot(start, (int)reader.BytesConsumed - start, kind);
                expected = index + 1;
            }
        }
    }

    /// <summary>True when <paramref name="json"/> starts with an object (the record-level check of feeds.md).</summary>
    public static bool IsObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
    }

    /// <summary>A trimmed text; longer than <paramref name="maxLength"/> (its column's width) is a <c>too-long</c> reason.</summary>
    /// <param name="shared">For values that repeat from record to record (procedure, field and agency codes and names, list item
    /// names): the same text gives the same string instance (<see cref="RepeatedStrings"/>) instead of a new one a record.</param>
    public string? String(string field, bool required = false, int maxLength = int.MaxValue, bool shared = false)
    {
        if (!TryGet(field, out var slot, out var raw))
        {
            if (required) _reasons.Add(QuarantineReason.Missing(Name(field)));
            return null;
        }

        var text = slot.Kind switch
        {
            JsonTokenType.String => shared ? UnquoteShared(raw) : Unquote(raw),
            JsonTokenType.Number => Encoding.UTF8.GetString(raw),
            _ => null,
        };
        if (text is null)
        {
            _reasons.Add(QuarantineReason.Value(Name(field), Encoding.UTF8.GetString(raw)));
            return null;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            if (required) _reasons.Add(QuarantineReason.Missing(Name(field)));
            return null;
        }

        if (text.Length > maxLength)
        {
            _reasons.Add(QuarantineReason.Long(Name(field), text.Length, maxLength));
            return null;
        }

        return text;
    }

    /// <summary>An integer code; <paramref name="allowed"/> rejects unknown codes.</summary>
    public int? Code(string field, Func<int, bool> allowed, bool required = false)
    {
        if (!TryGet(field, out var slot, out var raw))
        {
            if (required) _reasons.Add(QuarantineReason.Missing(Name(field)));
            return null;
        }

        int parsed;
        if (slot.Kind == JsonTokenType.Number && Value(raw).TryGetInt32(out parsed))
        {
        }
        else if (slot.Kind == JsonTokenType.String && int.TryParse(Unquote(raw), NumberStyles.Integer, CultureInfo.InvariantCulture, out parsed))
        {
        }
        else if (slot.Kind == JsonTokenType.String && string.IsNullOrWhiteSpace(Unquote(raw)))
        {
            if (required) _reasons.Add(QuarantineReason.Missing(Name(field)));
            return null;
        }
        else
        {
            _reasons.Add(QuarantineReason.Unknown(Name(field), slot.Kind == JsonTokenType.String ? Unquote(raw) : Encoding.UTF8.GetString(raw)));
            return null;
        }

        if (!allowed(parsed))
        {
            _reasons.Add(QuarantineReason.Unknown(Name(field), parsed.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return parsed;
    }

    public bool Flag(string field) => Code(field, static v => v is 0 or 1) == 1;

    public DateTime? Date(string field, bool required = false)
    {
        // Most dates are a plain "yyyyMMddHHmmss" string: read from the bytes without a string. Anything else (spaces,
        // escapes, a number token, a bad value) takes the text path below, which decides and words the reason as before.
        if (TryGet(field, out var slot, out var raw) && slot.Kind == JsonTokenType.String && raw.Length == 16
            && FeedDates.TryParseDigits(raw[1..^1], out var quick) && Periods.DateBounds.Contains(quick))
        {
            return quick;
        }

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

            _reasons.Add(new QuarantineReason(QuarantineReason.BadDate, Name(field),
                $"Ngày ở trường {Name(field)} ngoài khoảng chấp nhận ({Periods.DateBounds.Range}): '{text}'."));
            return null;
        }

        _reasons.Add(QuarantineReason.Date(Name(field), text));
        return null;
    }

    public decimal? Decimal(string field, bool required = false)
    {
        if (!TryGet(field, out var slot, out var raw))
        {
            if (required) _reasons.Add(QuarantineReason.Missing(Name(field)));
            return null;
        }

        if (slot.Kind == JsonTokenType.Number && Value(raw).TryGetDecimal(out var number))
        {
            return number;
        }

        if (slot.Kind == JsonTokenType.String
            && decimal.TryParse(Unquote(raw), NumberStyles.Number, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        _reasons.Add(QuarantineReason.Value(Name(field), Encoding.UTF8.GetString(raw)));
        return null;
    }

    /// <summary>The items of an array field (missing or null is an empty list); an item that is not an object is a reason.</summary>
    public JsonItems Array(string field)
    {
        if (!TryGet(field, out var slot, out var raw))
        {
            return default;
        }

        if (slot.Kind != JsonTokenType.StartArray)
        {
            _reasons.Add(QuarantineReason.Value(Name(field), "không phải mảng"));
            return default;
        }

        return new JsonItems(raw, _reasons, Name(field));
    }

    private bool TryGet(string field, out JsonSlot slot, out ReadOnlySpan<byte> raw)
    {
        slot = _slots[_fields.IndexOf(field)];
        if (slot.Length == 0 || slot.Kind == JsonTokenType.Null)
        {
            raw = default;
            return false;
        }

        raw = _json.Slice(slot.Start, slot.Length);
        return true;
    }

    /// <summary>The field's name in reasons, built only when a reason needs it.</summary>
    private readonly string Name(string field) =>
        _item < 0 ? _prefix + field : string.Create(CultureInfo.InvariantCulture, $"{_prefix}[{_item}].{field}");

    private static Utf8JsonReader Value(ReadOnlySpan<byte> raw)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return reader;
    }

    /// <summary>A string token's text: the bytes between the quotes, or the reader's unescaping when it has escapes.</summary>
    private static string Unquote(ReadOnlySpan<byte> raw)
    {
        var inner = raw[1..^1];
        return inner.IndexOf((byte)'\\') < 0 ? Encoding.UTF8.GetString(inner) : Value(raw).GetString()!;
    }

    /// <summary>As <see cref="Unquote"/>, decoded on the stack and looked up among the thread's repeated strings.</summary>
    private static string UnquoteShared(ReadOnlySpan<byte> raw)
    {
        if (raw.Length - 2 > RepeatedStrings.MaxLength)
        {
            return Unquote(raw);
        }

        // Unescaped UTF-16 is never longer than the token's UTF-8 bytes.
        Span<char> text = stackalloc char[RepeatedStrings.MaxLength];
        var reader = Value(raw);
        return RepeatedStrings.Get(text[..reader.CopyString(text)]);
    }
}

/// <summary>The items of one array field, read forward; see <see cref="JsonRecord.Array"/>.</summary>
internal ref struct JsonItems
{
    private readonly ReadOnlySpan<byte> _json;
    private readonly List<QuarantineReason>? _reasons;
    private readonly string _field;
    private Utf8JsonReader _reader;
    private int _index;

    public JsonItems(ReadOnlySpan<byte> json, List<QuarantineReason> reasons, string field)
    {
        _json = json;
        _reasons = reasons;
        _field = field;
        _reader = new Utf8JsonReader(json);
        _reader.Read();
    }

    /// <summary>The next object item, read for <paramref name="fields"/> into <paramref name="slots"/>; false at the end.</summary>
    public bool Next(JsonFieldSet fields, Span<JsonSlot> slots, out JsonRecord item)
    {
        while (_reasons is not null && _reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
        {
            var kind = _reader.TokenType;
            var start = (int)_reader.TokenStartIndex;
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                _reader.Skip();
            }

            var raw = _json[start..(int)_reader.BytesConsumed];
            var index = _index++;
            if (kind != JsonTokenType.StartObject)
            {
                _reasons.Add(QuarantineReason.Value(string.Create(CultureInfo.InvariantCulture, $"{_field}[{index}]"), Encoding.UTF8.GetString(raw)));
                continue;
            }

            item = new JsonRecord(raw, fields, slots, _reasons, _field, index);
            return true;
        }

        item = default;
        return false;
    }
}
