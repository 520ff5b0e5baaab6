using System.Buffers;
using System.Text.Json;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;

namespace Reporting.Collectors;

/// <summary>
/// One page of a feed (<c>{ "items": [ … ], "nextCursor": … }</c>): the answer read into one pooled buffer and walked
/// once, forward, with <see cref="Utf8JsonReader"/>; each item is its UTF-8 text, a slice of that buffer, which the
/// ingest reads as it reads a pushed record (no document tree, no copy). Dispose the page only after the ingest of its
/// items returned: they point into the buffer. ADR 025.
/// </summary>
public sealed class RawFeedPage : IDisposable
{
    private byte[] _buffer;

    private RawFeedPage(byte[] buffer, IReadOnlyList<ReadOnlyMemory<byte>> items, string? nextCursor)
    {
        _buffer = buffer;
        Items = items;
        NextCursor = nextCursor;
    }

    /// <summary>Each item's JSON text, as the source sent it (any JSON value: the ingest quarantines what is not a record).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Items { get; }

    public string? NextCursor { get; }

    /// <summary>
    /// Reads the whole answer (the caller caps the stream) and cuts it into items. Throws <see cref="JsonException"/>
    /// when the answer is not JSON and <see cref="InvalidDataException"/> when it is JSON without an <c>items</c> array.
    /// </summary>
    public static async Task<RawFeedPage> ReadAsync(Stream body, long? contentLength, CancellationToken ct)
    {
        var (buffer, length) = await PooledBody.ReadAsync(body, contentLength, ct);
        try
        {
            var (slices, next) = Walk(buffer.AsSpan(0, length));
            var items = new ReadOnlyMemory<byte>[slices.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = buffer.AsMemory(slices[i].Start, slices[i].Length);
            }

            return new RawFeedPage(buffer, items, string.IsNullOrEmpty(next) ? null : next);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// The items' places and the cursor, read as a document would: the whole answer must be one JSON value, and a name
    /// sent twice counts with its last value.
    /// </summary>
    private static (List<(int Start, int Length)> Items, string? Next) Walk(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            throw new JsonException("Nội dung rỗng.");
        }

        List<(int, int)>? items = null;
        string? next = null;
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        if (!isObject)
        {
            reader.Skip();
        }

        while (isObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals("items"u8);
            var isNext = !isItems && reader.ValueTextEquals("nextCursor"u8);
            reader.Read();
            if (isItems && reader.TokenType == JsonTokenType.StartArray)
            {
                var list = new List<(int, int)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    list.Add((start, (int)reader.BytesConsumed - start));
                }

                items = list;
                continue;
            }

            if (isItems)
            {
                items = null;
            }
            else if (isNext)
            {
                next = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        // Anything after the root value is an error, as for a document.
        while (reader.Read())
        {
        }

        return items is null ? throw new InvalidDataException("no 'items' array") : (items, next);
    }

    /// <summary>The latest <c>NgayCapNhat</c> of the page's records (null when none has a readable one): the watermark it moves to.</summary>
    public DateTime? MaxUpdatedAt()
    {
        DateTime? max = null;
        foreach (var item in Items)
        {
            if (UpdatedAt(item.Span) is { } at && (max is null || at > max))
            {
                max = at;
            }
        }

        return max;
    }

    /// <summary>An item's own top-level <c>NgayCapNhat</c> (the last one if sent twice), as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> read it.</summary>
    private static DateTime? UpdatedAt(ReadOnlySpan<byte> item)
    {
        var reader = new Utf8JsonReader(item);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? value = null;
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isUpdated = reader.ValueTextEquals("NgayCapNhat"u8);
            reader.Read();
            if (isUpdated)
            {
                found = true;
                value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return found && FeedDates.TryParse(value, out var at) ? at : null;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
