using Reporting.Core.Feeds;
using Reporting.Demo.Province;

namespace Reporting.Tests.Demo;

[Collection(DemoProvinceCollection.Name)]
public sealed class DemoDossierTests(DemoProvinceFixture fixture)
{
    private IReadOnlyList<DossierFeedItem> Dossiers => fixture.Dossiers;

    private static DateTime Parse(string? text)
    {
        Assert.True(FeedDates.TryParse(text, out var value), $"'{text}' does not parse");
        return value;
    }

    private static DateTime? ParseOptional(string? text) => text is null ? null : Parse(text);

    [Fact]
    public void Produces_the_requested_number_of_valid_dossiers_with_unique_codes()
    {
        Assert.Equal(DemoProvinceFixture.DossierCount, Dossiers.Count);
        Assert.Equal(Dossiers.Count, Dossiers.Select(d => d.MaHoSo).Distinct().Count());
        Assert.All(Dossiers, d => Assert.Matches(@"^H98\.\d{2}(\.\d{2})?-\d{6}-\d{4}$", d.MaHoSo!));
        Assert.All(Dossiers, d => Assert.Empty(DossierChecks.Problems(d, fixture)));
    }

    [Fact]
    public void Dates_parse_and_the_feed_is_ordered_by_update_then_code()
    {
        var end = fixture.Province.EndOfHistory;
        var start = fixture.Province.StartDate.ToDateTime(TimeOnly.MinValue);
        for (var i = 0; i < Dossiers.Count; i++)
        {
            var d = Dossiers[i];
            var updated = Parse(d.NgayCapNhat);
            Assert.InRange(updated, start, end);
            var submitted = Parse(d.NgayNopHoSo);
            Assert.InRange(submitted, start, updated);
            foreach (var date in new[] { d.NgayTiepNhan, d.NgayKetThucXuLy, d.NgayTra, d.NgayTuChoi })
            {
                if (ParseOptional(date) is { } at)
                {
                    Assert.InRange(at, submitted, updated);
                }
            }
            ParseOptional(d.NgayHenTra);
            if (i > 0)
            {
                var previous = Dossiers[i - 1];
                var byTime = string.CompareOrdinal(previous.NgayCapNhat, d.NgayCapNhat);
                Assert.True(byTime < 0 || (byTime == 0 && string.CompareOrdinal(previous.MaHoSo, d.MaHoSo) < 0),
                    $"{previous.MaHoSo} before {d.MaHoSo}");
            }
        }
    }

    [Fact]
    public void Agencies_are_valid_on_the_reception_date_and_local_dossiers_follow_the_merger()
    {
        var merger = DemoProvince.MergerDate;
        foreach (var d in Dossiers)
        {
            var agency = fixture.Agencies[d.MaDonVi!];
            var day = DateOnly.FromDateTime(Parse(d.NgayTiepNhan ?? d.NgayTuChoi ?? d.NgayNopHoSo));
            Assert.True(fixture.IsValidOn(agency, day), $"{d.MaHoSo}: {d.MaDonVi} on {day}");
            Assert.NotEqual(DemoAgencyKinds.Province, agency.Kind);
            Assert.NotEqual(DemoAgencyKinds.ServiceCentre, agency.Kind);
            if (day >= merger)
            {
                Assert.NotEqual(DemoAgencyKinds.District, agency.Kind);
            }
        }
        Assert.Contains(Dossiers, d => fixture.Agencies[d.MaDonVi!].Kind == DemoAgencyKinds.District);
        Assert.Contains(Dossiers, d => fixture.Agencies[d.MaDonVi!] is { Kind: DemoAgencyKinds.Commune, ValidTo: not null });
        Assert.Contains(Dossiers, d => fixture.Agencies[d.MaDonVi!] is { Kind: DemoAgencyKinds.Commune, ValidTo: null });
    }

    [Fact]
    public void Each_busy_agency_has_an_online_share_between_40_and_85_percent()
    {
        var busy = Dossiers.GroupBy(d => d.MaDonVi).Where(g => g.Count() >= 200).ToList();
        Assert.True(busy.Count >= 10, $"{busy.Count} busy agencies");
        Assert.All(busy, g =>
        {
            var share = g.Count(d => d.KenhThucHien == 2) / (double)g.Count();
            Assert.True(share is >= 0.40 and <= 0.85, $"{g.Key}: {share:P1} of {g.Count()}");
        });
        Assert.True(busy.Select(g => g.Count(d => d.KenhThucHien == 2) / (double)g.Count()).Max()
            - busy.Select(g => g.Count(d => d.KenhThucHien == 2) / (double)g.Count()).Min() > 0.1, "shares vary between agencies");
        Assert.Contains(Dossiers, d => d.KenhThucHien == 3);
    }

    [Fact]
    public void Statuses_have_realistic_shares()
    {
        double Share(Func<DossierFeedItem, bool> predicate) => Dossiers.Count(predicate) / (double)Dossiers.Count;
        Assert.All(Enumerable.Range(1, 10), status => Assert.Contains(Dossiers, d => d.TrangThaiHoSo == status));
        Assert.InRange(Share(d => d.TrangThaiHoSo == 3), 0.005, 0.02);
        Assert.InRange(Share(d => d.TrangThaiHoSo == 7), 0.005, 0.025);
        Assert.InRange(Share(d => d.TrangThaiHoSo == 8), 0.005, 0.025);
        Assert.InRange(Share(d => d.TrangThaiHoSo is 9 or 10), 0.9, 0.97);
        Assert.All(Dossiers.Where(d => d.TrangThaiHoSo == 3), d =>
        {
            Assert.NotNull(d.NgayTuChoi);
            Assert.Null(d.NgayTiepNhan);
        });
        var returnedWithoutEnd = Dossiers.Count(d => d.TrangThaiHoSo == 10 && d.NgayTra is not null && d.NgayKetThucXuLy is null);
        Assert.InRange(returnedWithoutEnd, 1, Dossiers.Count / 100);

        var endDay = fixture.Province.Options.EndDate;
        var inProgress = Dossiers.Where(d => d.TrangThaiHoSo is 2 or 4 or 5 or 6).ToList();
        Assert.NotEmpty(inProgress);
        Assert.Contains(inProgress, d => DateOnly.FromDateTime(Parse(d.NgayHenTra)) < endDay);
        // Old dossiers are finished.
        Assert.All(Dossiers.Where(d => Parse(d.NgayNopHoSo) < fixture.Province.EndOfHistory.AddMonths(-6)),
            d => Assert.True(d.TrangThaiHoSo is 1 or 3 or >= 7, $"{d.MaHoSo} status {d.TrangThaiHoSo}"));
    }

    [Fact]
    public void Handling_is_mostly_on_time_against_the_promised_date()
    {
        var finished = Dossiers.Where(d => d.TrangThaiHoSo is >= 7 and <= 10).ToList();
        var early = 0;
        var onTime = 0;
        foreach (var d in finished)
        {
            var end = DateOnly.FromDateTime(Parse(d.NgayKetThucXuLy ?? d.NgayTra));
            var promised = DateOnly.FromDateTime(Parse(d.NgayHenTra));
            if (end < promised) early++;
            else if (end == promised) onTime++;
        }
        Assert.InRange((early + onTime) / (double)finished.Count, 0.80, 0.97);
        Assert.True(early > onTime, "early is the most common outcome");
        Assert.True(finished.Count - early - onTime > 0, "some are late");
    }

    [Fact]
    public void Promised_dates_add_the_statutory_working_days_and_move_with_supplements()
    {
        foreach (var d in Dossiers.Where(d => d.NgayTiepNhan is not null && fixture.Procedures.ContainsKey(d.MaTTHC!)))
        {
            var received = Parse(d.NgayTiepNhan);
            var days = fixture.Procedures[d.MaTTHC!].ThoiHanGiaiQuyet!.Value;
            var expected = received.Date;
            for (var n = days; n > 0;)
            {
                expected = expected.AddDays(1);
                if (expected.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n--;
            }
            var promised = Parse(d.NgayHenTra);
            var supplements = d.DanhSachHoSoBoSung ?? [];
            if (supplements.Count == 0)
            {
                Assert.Equal(expected, promised.Date);
                continue;
            }
            Assert.Equal(expected, Parse(supplements[0].NgayHenTraTruoc).Date);
            for (var i = 0; i < supplements.Count; i++)
            {
                var s = supplements[i];
                Assert.True(Parse(s.NgayYeuCau) >= received);
                if (i > 0)
                {
                    Assert.Equal(supplements[i - 1].NgayHenTraMoi, s.NgayHenTraTruoc);
                }
                if (s.NgayBoSung is null)
                {
                    Assert.Null(s.NgayHenTraMoi);
                    Assert.Equal(i, supplements.Count - 1);
                }
                else
                {
                    Assert.True(Parse(s.NgayBoSung) > Parse(s.NgayYeuCau));
                    Assert.True(Parse(s.NgayHenTraMoi) > Parse(s.NgayHenTraTruoc));
                }
            }
            var last = supplements[^1];
            Assert.Equal(last.NgayHenTraMoi ?? last.NgayHenTraTruoc, d.NgayHenTra);
        }
        var withSupplements = Dossiers.Count(d => d.DanhSachHoSoBoSung is { Count: > 0 });
        Assert.InRange(withSupplements / (double)Dossiers.Count, 0.03, 0.08);
        Assert.Contains(Dossiers, d => d.DanhSachHoSoBoSung is { Count: 2 });
    }

    [Fact]
    public void Fees_payments_and_digitisation_vary_realistically()
    {
        var charged = Dossiers.Where(d => d.DanhSachLePhi?.Any(f => f.Gia > 0) == true).ToList();
        Assert.All(charged, d => Assert.True(
            !fixture.Procedures.TryGetValue(d.MaTTHC!, out var p) || p.CoPhiLePhi == true, d.MaTTHC));
        Assert.InRange(charged.Count(d => d.DuocThanhToanTrucTuyen is 1 or 2) / (double)charged.Count, 0.3, 0.7);
        Assert.Contains(charged, d => d.DuocThanhToanTrucTuyen == 1);
        Assert.Contains(charged, d => d.DuocThanhToanTrucTuyen == 2);
        Assert.DoesNotContain(Dossiers, d => d.DuocThanhToanTrucTuyen is 1 or 2 && d.DanhSachLePhi?.Any(f => f.Gia > 0) != true);

        double Share(Func<DossierFeedItem, bool> predicate) => Dossiers.Count(predicate) / (double)Dossiers.Count;
        Assert.InRange(Share(d => d.TaiLieuNop?.Any(c => c.DuocSoHoa == 1) == true), 0.4, 0.95);
        Assert.InRange(Share(d => d.TaiLieuNop?.Any(c => c.DuocTaiSuDung == 1) == true), 0.05, 0.6);
        Assert.InRange(Share(d => d.TaiLieuNop?.Any(c => c.DuocLayTuKhoDMQG == 1) == true), 0.05, 0.6);
        Assert.InRange(Share(d => d.TaiKhoanDuocXacThucVoiVNeID == 1), 0.1, 0.7);
        var received = Dossiers.Where(d => d.NgayTiepNhan is not null).ToList();
        Assert.InRange(received.Count(d => d.DongBoDVCQG == 1) / (double)received.Count, 0.85, 0.95);
        Assert.InRange(Share(d => d.DanhGiaHaiLong == 1), 0.1, 0.6);
        Assert.InRange(Share(d => d.DanhGiaHaiLong == 2), 0.001, 0.05);
        Assert.InRange(Share(d => d.DanhGiaHaiLong is null), 0.4, 0.9);
        Assert.InRange(Share(d => d.CoPhanAnhKienNghi == 1), 0.001, 0.02);
        Assert.InRange(Share(d => !fixture.Procedures.ContainsKey(d.MaTTHC!)), 0.0005, 0.005);
    }

    [Fact]
    public void Most_processed_online_dossiers_have_an_electronic_result()
    {
        static bool Electronic(DossierFeedItem d) =>
            d.DanhSachGiayToKetQua?.Any(r => !string.IsNullOrEmpty(r.DuongDanTepTinKetQua)) == true;
        var processed = Dossiers.Where(d => d.TrangThaiHoSo is 9 or 10).ToList();
        var online = processed.Where(d => d.KenhThucHien == 2).ToList();
        Assert.InRange(online.Count(Electronic) / (double)online.Count, 0.75, 0.99);
        Assert.Contains(processed, d => d.DanhSachGiayToKetQua is { Count: > 0 } && !Electronic(d));
        Assert.DoesNotContain(Dossiers, d => d.TrangThaiHoSo is not (9 or 10) && d.DanhSachGiayToKetQua is not null);
    }

    [Fact]
    public void Dates_fall_mostly_in_office_hours_on_working_days()
    {
        static bool Office(DateTime t) =>
            t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && ((t.TimeOfDay >= new TimeSpan(7, 30, 0) && t.TimeOfDay < new TimeSpan(11, 30, 0))
                || (t.TimeOfDay >= new TimeSpan(13, 30, 0) && t.TimeOfDay < new TimeSpan(17, 0, 0)));
        var receptions = Dossiers.Where(d => d.NgayTiepNhan is not null).Select(d => Parse(d.NgayTiepNhan)).ToList();
        Assert.True(receptions.Count(Office) > receptions.Count * 0.85);
        var ends = Dossiers.Where(d => d.NgayKetThucXuLy is not null).Select(d => Parse(d.NgayKetThucXuLy)).ToList();
        Assert.True(ends.Count(Office) > ends.Count * 0.8);
    }
}
