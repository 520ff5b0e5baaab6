using System.Buffers;
using System.Text.Json;

namespace Reporting.Core.Ingest;

/// <summary>
/// The body of a push (<c>{ "service": …, "isUpdating": …, "data": [ … ] }</c>, payments may send <c>items</c>),
/// read into one pooled buffer and walked once, forward, with <see cref="Utf8JsonReader"/>: the whole body is
/// checked to be JSON and each record of the array is cut out as a slice of the buffer, so no document tree is
/// built (issue 13). The records point into the buffer: dispose the envelope only after the ingest returned.
/// </summary>
public sealed class IngestEnvelope : IDisposable
{
    private byte[] _buffer;
    private int _length;

    private IngestEnvelope(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>Reads the whole body (bounded by the server's request size limit) into a pooled buffer.</summary>
    public static async Task<IngestEnvelope> ReadAsync(Stream body, long? contentLength, CancellationToken ct)
    {
        var (buffer, length) = await PooledBody.ReadAsync(body, contentLength, ct);
        return new IngestEnvelope(buffer, length);
    }

    /// <summary>
    /// The records of <c>data</c> (or, without it, <c>items</c>) as slices of the body; null when the body is JSON but
    /// not an envelope with such an array. Throws <see cref="JsonException"/> when the body is not JSON.
    /// </summary>
    public List<(int Start, int Length)>? Records()
    {
        var json = _buffer.AsSpan(0, _length);
        var reader = new Utf8JsonReader(json);
        List<(int, int)>? data = null, items = null;
        bool dataIsArray = false, itemsIsArray = false;
        if (!reader.Read())
        {
            throw new JsonException("Nội dung rỗng.");
        }

        var isObject = reader.TokenType == JsonTokenType.StartObject;
        if (!isObject)
        {
            reader.Skip();
        }

        while (isObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            var isItems = !isData && reader.ValueTextEquals("items"u8);
            reader.Read();
            if (!(isData || isItems) || reader.TokenType != JsonTokenType.StartArray)
            {
                if (isData) (data, dataIsArray) = ([], false);
                else if (isItems) (items, itemsIsArray) = ([], false);
                reader.Skip();
                continue;
            }

            // A name sent twice counts with its last value, as a JSON document reads it.
            var list = new List<(int, int)>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                list.Add((start, (int)reader.BytesConsumed - start));
            }

            if (isData) (data, dataIsArray) = (list, true);
            else (items, itemsIsArray) = (list, true);
        }

        // Anything after the root value is an error, as for a document.
        while (reader.Read())
        {
        }

        return data is not null ? (dataIsArray ? data : null) : itemsIsArray ? items : null;
    }

    /// <summary>The records as ingest records pointing into the buffer.</summary>
    public List<IngestRecord> ToRecords(List<(int Start, int Length)> slices)
    {
        var records = new List<IngestRecord>(slices.Count);
        foreach (var (start, length) in slices)
        {
            records.Add(new IngestRecord(_buffer.AsMemory(start, length)));
        }

        return records;
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
