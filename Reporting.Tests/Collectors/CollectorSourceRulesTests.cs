using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reporting.Collectors;
using Reporting.Core.Collectors;

namespace Reporting.Tests.Collectors;

/// <summary>One rule set for a source, whether it comes from configuration, the admin API or the collectors page.</summary>
public sealed class CollectorSourceRulesTests
{
    private static CollectorSourceInput Good => new("motcua-tinh", "DossierFeed", "https://motcua.tinh.gov.vn/api", "k", "0 */5 * * * ?", 500);

    [Fact]
    public void A_good_source_passes()
    {
        Assert.Empty(CollectorSourceRules.Check(Good));
        Assert.Empty(CollectorSourceRules.Check(Good with { Kind = "paymentfeed", ApiKey = null, PageSize = null }));
    }

    [Theory]
    [InlineData("Name", "", "phải có tên")]
    [InlineData("Name", "một cửa", "chỉ gồm chữ cái không dấu")]
    [InlineData("Name", "a/b", "chỉ gồm chữ cái không dấu")]
    [InlineData("Name", "-motcua", "bắt đầu bằng chữ hoặc số")]
    [InlineData("Kind", "Dossiers", "Loại nguồn phải là DossierFeed")]
    [InlineData("Kind", "1", "Loại nguồn phải là DossierFeed")]
    [InlineData("BaseUrl", "motcua.tinh.gov.vn", "URL http(s) đầy đủ")]
    [InlineData("BaseUrl", "ftp://motcua.tinh.gov.vn", "URL http(s) đầy đủ")]
    [InlineData("Cron", "every five minutes", "Biểu thức cron không hợp lệ")]
    [InlineData("Cron", "", "Biểu thức cron không hợp lệ (trống)")]
    public void Each_bad_field_is_named_with_a_Vietnamese_reason(string field, string value, string expected)
    {
        var input = field switch
        {
            "Name" => Good with { Name = value },
            "Kind" => Good with { Kind = value },
            "BaseUrl" => Good with { BaseUrl = value },
            _ => Good with { Cron = value },
        };

        var error = Assert.Single(CollectorSourceRules.Check(input));
        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Sizes_follow_the_columns_and_the_page_limit()
    {
        Assert.Equal("Name", Assert.Single(CollectorSourceRules.Check(Good with { Name = new string('a', 65) })).Field);
        Assert.Equal("ApiKey", Assert.Single(CollectorSourceRules.Check(Good with { ApiKey = new string('k', 501) })).Field);
        Assert.Equal("BaseUrl", Assert.Single(CollectorSourceRules.Check(Good with { BaseUrl = "https://a.vn/" + new string('x', 500) })).Field);
        var page = Assert.Single(CollectorSourceRules.Check(Good with { PageSize = 100_001 }));
        Assert.Equal("Kích thước trang phải từ 1 đến 100.000.", page.Message);
        Assert.Equal("PageSize", Assert.Single(CollectorSourceRules.Check(Good with { PageSize = 0 })).Field);
    }

    [Fact]
    public void The_configuration_reports_the_same_rules_with_the_key_path_and_never_echoes_the_key()
    {
        var options = new CollectorOptions
        {
            Sources =
            [
                new() { Name = "motcua", Kind = CollectorKind.DossierFeed, BaseUrl = "https://a.vn", ApiKey = "bi-mat-" + new string('x', 600) },
                new() { Name = "MOTCUA", Kind = CollectorKind.PaymentFeed, BaseUrl = "https://b.vn", PageSize = 0 },
            ],
        };

        var messages = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

        Assert.Contains(messages, m => m.StartsWith("Collectors:Sources:0:ApiKey: Khóa truy cập dài tối đa 500 ký tự.", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("bi-mat", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Collectors:Sources:1:PageSize: Kích thước trang phải từ 1 đến 100.000.", StringComparison.Ordinal));
        Assert.Contains("Collectors:Sources:1:Name: tên nguồn 'MOTCUA' bị trùng.", messages);
    }

    [Fact]
    public async Task A_negative_UnmatchedPaymentDays_stops_start_up_with_the_key_named()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Collectors:UnmatchedPaymentDays"] = "-1";
        builder.Configuration["Collectors:Enabled"] = "false";
        builder.AddCollectors();
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Collectors:UnmatchedPaymentDays phải từ 0 đến 3650", e.Message);
    }
}
