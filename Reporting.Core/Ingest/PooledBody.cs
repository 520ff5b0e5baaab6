using System.Buffers;

namespace Reporting.Core.Ingest;

/// <summary>
/// A whole body read into one buffer rented from the shared pool (the push's envelope, a collector's feed page), so its
/// records can be slices of it. The caller returns the buffer to the pool once nothing points into it.
/// </summary>
public static class PooledBody
{
    /// <summary>Reads <paramref name="body"/> to its end (the caller bounds it); on failure the buffer is already returned.</summary>
    public static async Task<(byte[] Buffer, int Length)> ReadAsync(Stream body, long? contentLength, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 and < int.MaxValue ? (int)contentLength.Value + 1 : 1 << 16);
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return (buffer, length);
    }
}
