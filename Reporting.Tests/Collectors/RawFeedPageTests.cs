using System.Text;
using System.Text.Json;
using Reporting.Collectors;

namespace Reporting.Tests.Collectors;

/// <summary>A feed page cut into items without a document (ADR 025): read as a JSON document would read it.</summary>
public sealed class RawFeedPageTests
{
    private static async Task<RawFeedPage> ReadAsync(string json, bool knownLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return await RawFeedPage.ReadAsync(new MemoryStream(bytes), knownLength ? bytes.Length : null, CancellationToken.None);
    }

    private static string Text(ReadOnlyMemory<byte> item) => Encoding.UTF8.GetString(item.Span);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_item_is_its_text_as_sent_and_the_cursor_is_read(bool knownLength)
    {
        // Longer than the first buffer when the length is unknown, so the buffer grows while reading.
        var name = new string('ệ', 40_000);
        using var page = await ReadAsync(
            $$"""{ "nextCursor": "c2", "items": [ {"MaHoSo":"A","NgayCapNhat":"20260301080000"}, 7, "x", {"MaHoSo":"{{name}}","L":[1,{"a":null}]} ] }""",
            knownLength);

        Assert.Equal("c2", page.NextCursor);
        Assert.Equal(
            ["""{"MaHoSo":"A","NgayCapNhat":"20260301080000"}""", "7", "\"x\"", $$"""{"MaHoSo":"{{name}}","L":[1,{"a":null}]}"""],
            page.Items.Select(Text));
    }

    [Fact]
    public async Task A_name_sent_twice_counts_with_its_last_value_and_an_empty_cursor_is_the_last_page()
    {
        using var page = await ReadAsync("""{ "items": [1], "nextCursor": "a", "items": [2, 3], "nextCursor": "" }""");

        Assert.Equal(["2", "3"], page.Items.Select(Text));
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData("""{ "data": [] }""")]
    [InlineData("""{ "items": {} }""")]
    [InlineData("""{ "items": [1], "items": null }""")]
    [InlineData("""[ { "items": [] } ]""")]
    public async Task An_answer_without_an_items_array_is_refused(string json)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(json));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{ "items": [ {"a":1}, ] }""")]
    [InlineData("""{ "items": [] } {}""")]
    [InlineData("""{ "items": [ {"a":1} ]""")]
    public async Task An_answer_that_is_not_json_is_refused(string json)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAsync(json));
    }

    [Fact]
    public async Task The_watermark_is_the_latest_top_level_NgayCapNhat_of_the_records()
    {
        using var page = await ReadAsync("""
            { "items": [
                {"MaHoSo":"A","NgayCapNhat":"20260301080000"},
                {"MaHoSo":"B","Con":{"NgayCapNhat":"20991231000000"},"NgayCapNhat":"20260302080000"},
                {"MaHoSo":"C","NgayCapNhat":"20991231000000","NgayCapNhat":"20260303080000"},
                {"MaHoSo":"D","NgayCapNhat":20991231000000},
                {"MaHoSo":"E","NgayCapNhat":"khong-phai-ngay"},
                "20991231000000",
                [ {"NgayCapNhat":"20991231000000"} ]
            ] }
            """);

        Assert.Equal(new DateTime(2026, 3, 3, 8, 0, 0), page.MaxUpdatedAt());
    }

    [Fact]
    public async Task A_page_without_a_readable_date_moves_no_watermark()
    {
        using var page = await ReadAsync("""{ "items": [ {"MaHoSo":"A"}, {"NgayCapNhat":null} ] }""");

        Assert.Null(page.MaxUpdatedAt());
    }
}
