using MiniExcelLibs;
using Reporting.Core.Indicators;
using Reporting.Web.Dashboard;

namespace Reporting.Tests.Hardening;

/// <summary>
/// The download writes while it reads (ADR 020): a read that fails ends the file with that failure (so the server
/// aborts the response instead of finishing a file with rows missing), and a writer that fails (the client went
/// away) stops the read rather than leaving it running.
/// </summary>
public sealed class DossierExportFailureTests
{
    [Fact]
    public async Task A_read_failing_midway_fails_the_download()
    {
        await using var rows = Rows(failAfter: 5000).GetAsyncEnumerator();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await DossierExport.WriteAsync(new MemoryStream(), rows, await rows.MoveNextAsync(), CancellationToken.None));
        Assert.Equal("the database went away", failure.Message);
    }

    [Fact]
    public async Task A_client_going_away_stops_the_read()
    {
        var read = new StrongBox();
        await using var rows = Rows(failAfter: null, read).GetAsyncEnumerator();
        // A read that kept going would wait forever on the full queue: the deadline turns that into a failure.
        await Assert.ThrowsAsync<IOException>(async () =>
            await DossierExport.WriteAsync(new GoneAfter(1 << 20), rows, await rows.MoveNextAsync(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.True(read.Count < 1_000_000, $"{read.Count} rows read");
    }

    [Fact]
    public async Task Every_row_is_written_once_in_order_across_batches()
    {
        await using var rows = Rows(failAfter: null, count: 2500).GetAsyncEnumerator();
        using var file = new MemoryStream();
        await DossierExport.WriteAsync(file, rows, await rows.MoveNextAsync(), CancellationToken.None);
        file.Position = 0;
        var codes = MiniExcel.Query(file, useHeaderRow: true).Select(r => (string)((IDictionary<string, object>)r)["Mã hồ sơ"]).ToList();
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"HS-{i:D6}"), codes);
    }

    private static async IAsyncEnumerable<DossierListItem> Rows(int? failAfter, StrongBox? read = null, int count = 1_000_000)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == failAfter)
            {
                throw new InvalidOperationException("the database went away");
            }

            if (read is not null)
            {
                read.Count = i + 1;
            }

            var at = new DateTime(2026, 3, 2, 8, 0, 0).AddMinutes(i);
            yield return new DossierListItem("xuat", $"HS-{i:D6}", "1.000001", "Đăng ký khai sinh", "000.00.01.H99", "Sở Tư pháp", 2, 10, at, at.AddDays(3), null, true, false);
            await Task.Yield();
        }
    }

    private sealed class StrongBox
    {
        public volatile int Count;
    }

    /// <summary>A response whose client disconnects after some bytes.</summary>
    private sealed class GoneAfter(long bytes) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > bytes)
            {
                throw new IOException("the client went away");
            }

            _written += buffer.Length;
        }
    }
}
