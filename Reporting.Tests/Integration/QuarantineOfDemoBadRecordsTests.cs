using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reporting.Core.Ingest;
using Reporting.Demo.Province;
using Reporting.Demo.Seeding;

namespace Reporting.Tests.Integration;

/// <summary>Every bad-record kind of dossiers.md is quarantined with its reason and counted nowhere.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class QuarantineOfDemoBadRecordsTests(DemoAppFixture demo)
{
    private static readonly Dictionary<string, string> ExpectedReason = new()
    {
        [DemoBadRecordKinds.MissingMaHoSo] = QuarantineReason.MissingField,
        [DemoBadRecordKinds.MissingMaTTHC] = QuarantineReason.MissingField,
        [DemoBadRecordKinds.MissingMaDonVi] = QuarantineReason.MissingField,
        [DemoBadRecordKinds.MissingTrangThaiHoSo] = QuarantineReason.MissingField,
        [DemoBadRecordKinds.MissingNgayCapNhat] = QuarantineReason.MissingField,
        [DemoBadRecordKinds.MissingNgayTiepNhan] = QuarantineReason.MissingField,
        [DemoBadRecordKinds.UnknownStatus] = QuarantineReason.UnknownCode,
        [DemoBadRecordKinds.UnknownChannel] = QuarantineReason.UnknownCode,
        [DemoBadRecordKinds.UnparseableDate] = QuarantineReason.BadDate,
        [DemoBadRecordKinds.EndBeforeReception] = QuarantineReason.EndBeforeReceived,
        [DemoBadRecordKinds.UnknownAgency] = QuarantineReason.UnknownAgency,
        [DemoBadRecordKinds.AgencyNotValidOnReception] = QuarantineReason.UnknownAgency,
        [DemoBadRecordKinds.FinishedWithoutEnd] = QuarantineReason.FinishedWithoutEnd,
    };

    [Fact]
    public async Task EachBadRecordIsQuarantinedWithItsReasonAndCountedNowhere()
    {
        var province = DemoProvince.Build(new DemoOptions { DossierCount = 30000, EndDate = DemoAppFixture.EndDate });
        var bad = province.BadDossiers();
        Assert.Equal(DemoBadRecordKinds.All.Count, bad.Select(b => b.Kind).Distinct().Count());

        using var client = demo.Factory.ClientWithKey(ReportingAppFactory.ReadKey);
        var quarantine = await client.GetFromJsonAsync<JsonElement>($"/api/v1/quarantine?source={DemoSeedingService.DossierSource}&pageSize=1000");
        var items = quarantine.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(bad.Count, items.Count);

        await using var db = demo.Factory.CreateDbContext();
        foreach (var record in bad)
        {
            var raw = JsonSerializer.Serialize(record.Item);
            var entry = items.Single(i => JsonSerializer.Serialize(i.GetProperty("raw")) == raw);
            var codes = entry.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Contains(ExpectedReason[record.Kind], codes);
            Assert.NotEmpty(entry.GetProperty("reasons")[0].GetString()!);
            if (record.Item.MaHoSo is { Length: > 0 } code)
            {
                Assert.False(await db.Dossiers.AnyAsync(d => d.Code == code), $"{record.Kind}: {code} must not be stored");
            }
        }
    }
}
