using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Reporting.Core.Aggregates;
using Reporting.Core.Calendar;
using Reporting.Core.Dossiers;
using Reporting.Core.Feeds;
using Reporting.Core.Ingest;
using Reporting.Core.Periods;

namespace Reporting.Benchmarks;

/// <summary>
/// The CPU phases of one push batch, without the database: reading the envelope and each record
/// (<see cref="IngestEnvelope"/>, <see cref="DossierRecordReader"/>), deriving facts (with the lists' JSON), and the
/// aggregate deltas of the stored versions. The per-record cost is the mean divided by <see cref="Records"/>.
/// </summary>
[MemoryDiagnoser]
public class IngestPhaseBenchmarks
{
    public const int Records = 5000;
    private byte[] _body = [];
    private List<ParsedDossier> _parsed = [];
    private int _horizon;

    [GlobalSetup]
    public void Setup()
    {
        var items = Enumerable.Range(0, Records).Select(Generate).ToList();
        _body = JsonSerializer.SerializeToUtf8Bytes(new { service = "DongBoHoSoMC", isUpdating = true, data = items });
        _parsed = Parse();
        _horizon = HalfMonth.Of(new DateOnly(2026, 12, 31));
        foreach (var p in _parsed)
        {
            DossierFacts.Apply(p.Dossier, p.Lists, null, WorkingCalendar.Empty);
        }
    }

    /// <summary>The envelope walked once and every record read into a dossier and its lists.</summary>
    [Benchmark]
    public List<ParsedDossier> Parse()
    {
        using var envelope = IngestEnvelope.ReadAsync(new MemoryStream(_body), _body.Length, default).GetAwaiter().GetResult();
        var result = new List<ParsedDossier>(Records);
        var reasons = new List<QuarantineReason>();
        foreach (var record in envelope.ToRecords(envelope.Records()!))
        {
            reasons.Clear();
            if (DossierRecordReader.Read(record.Utf8, "bench", reasons) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result.Count == Records ? result : throw new InvalidOperationException($"{Records - result.Count} records did not parse.");
    }

    /// <summary>Facts of every record, the lists serialised to the stored JSON included.</summary>
    [Benchmark]
    public void Facts()
    {
        foreach (var p in _parsed)
        {
            DossierFacts.Apply(p.Dossier, p.Lists, null, WorkingCalendar.Empty);
        }
    }

    /// <summary>The aggregate delta of the batch: every record's contribution, accumulated per cell in memory.</summary>
    [Benchmark]
    public int Contributions()
    {
        var delta = new AggregateDelta();
        foreach (var p in _parsed)
        {
            DossierContribution.Apply(p.Dossier, 1, _horizon, delta);
        }

        return delta.Cells.Count;
    }

    /// <summary>A plausible dossier: 40 agencies, 200 procedures, received over 2026, three in four finished.</summary>
    private static DossierFeedItem Generate(int i)
    {
        var random = new Random(i);
        var received = new DateTime(2026, 1, 2, 8, 0, 0).AddMinutes(random.Next(0, 320 * 24 * 60));
        var finished = random.Next(4) > 0;
        var ended = received.AddDays(random.Next(1, 20));
        static string At(DateTime t) => t.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return new DossierFeedItem
        {
            MaHoSo = $"H{i:D8}",
            MaTTHC = $"1.{random.Next(200):D6}",
            TenTTHC = "Đăng ký khai sinh",
            MaLinhVuc = "HT",
            TenLinhVuc = "Hộ tịch",
            MaDonVi = $"000.{random.Next(40):D2}.00.H01",
            KenhThucHien = random.Next(1, 4),
            TrangThaiHoSo = finished ? 10 : 4,
            NgayNopHoSo = At(received),
            NgayTiepNhan = At(received),
            NgayHenTra = At(received.AddDays(7)),
            NgayKetThucXuLy = finished ? At(ended) : null,
            NgayTra = finished ? At(ended) : null,
            NgayCapNhat = At(finished ? ended : received),
            DuocThanhToanTrucTuyen = random.Next(3),
            DanhSachLePhi = random.Next(2) == 0 ? [] : [new FeeFeedItem { MaPhiLePhi = "LP1", TenPhiLePhi = "Lệ phí", Gia = 50000, HinhThucThu = 1 }],
            TaiLieuNop = [new ComponentFeedItem { TenTaiLieu = "Tờ khai", DuocSoHoa = 1, DuocTaiSuDung = 0, DuocLayTuKhoDMQG = 0 }],
            DanhSachGiayToKetQua = finished ? [new ResultFeedItem { TenGiayTo = "Giấy khai sinh", DuongDanTepTinKetQua = "https://kq/1.pdf" }] : [],
            TaiKhoanDuocXacThucVoiVNeID = random.Next(2),
            DongBoDVCQG = 1,
        };
    }
}
