using System.Resources;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Reporting.Web.Components;

namespace Reporting.Tests.Components;

/// <summary>MudBlazor's built-in texts come out in Vietnamese through the app-wide <see cref="VietnameseMudLocalizer"/>.</summary>
public sealed class MudVietnameseTests : DashboardComponentContext
{
    [Fact]
    public void A_paged_table_shows_its_pager_in_Vietnamese()
    {
        RenderFragment pager = b =>
        {
            b.OpenComponent<MudTablePager>(0);
            b.AddAttribute(1, nameof(MudTablePager.PageSizeOptions), new[] { 10, 25 });
            b.CloseComponent();
        };
        var cut = Render<MudTable<int>>(p => p
            .Add(t => t.Items, Enumerable.Range(1, 95).ToList())
            .Add(t => t.RowsPerPage, 10)
            .Add(t => t.RowTemplate, i => $"<td>{i}</td>")
            .Add(t => t.PagerContent, pager));

        var text = cut.Find(".mud-table-pagination").TextContent;
        Assert.Contains("Số dòng mỗi trang:", text);
        Assert.Contains("1–10 trong số 95", text);
        Assert.DoesNotContain("Rows per page", text);
        Assert.DoesNotContain(" of ", text);
        var labels = cut.FindAll(".mud-table-pagination button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains("Trang sau", labels);
        Assert.Contains("Trang trước", labels);
    }

    [Fact]
    public void Every_MudBlazor_text_has_a_Vietnamese_translation()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudTable<>).Assembly);
        var english = resources.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, true)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();

        Assert.NotEmpty(english);
        Assert.Empty(english.Except(VietnameseMudLocalizer.Keys));
    }
}
