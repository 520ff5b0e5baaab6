using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Reporting.Core.National;

/// <summary>
/// <c>National:*</c> (reporting.md "Submission to the national system"): where the province's
/// consolidated report goes, with which key, signed with which certificate, and for how long a
/// receiver that does not answer is retried. Without <see cref="BaseUrl"/> the <c>send</c> action is
/// refused with a clear message (nothing is queued for nowhere).
/// </summary>
public sealed class NationalOptions
{
    public const string Section = "National";

    /// <summary>The receiver's base address; <c>POST {BaseUrl}/submissions</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as <c>X-Api-Key</c>; never logged.</summary>
    public string? ApiKey { get; set; }

    public NationalSigningOptions Signing { get; set; } = new();

    /// <summary>After this long without an answer (5xx, timeouts) the submission is failed and waits for the reviewer's retry.</summary>
    [Range(0.01, 24 * 90)]
    public double GiveUpAfterHours { get; set; } = 72;

    /// <summary>How long one delivery attempt may take before it counts as a timeout.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How often the delivery job looks for submissions due.</summary>
    [Range(1, 3600)]
    public int DeliveryIntervalSeconds { get; set; } = 15;

    public bool Configured => BaseUrl is not null;
}

public sealed class NationalSigningOptions
{
    /// <summary>PKCS#12 (.p12/.pfx) file with the signer's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 password; never logged.</summary>
    public string? CertificatePassword { get; set; }

    // The password must never reach a log line through a formatted options object.
    public override string ToString() => $"CertificatePath={CertificatePath}, CertificatePassword=***";
}

/// <summary>A bad <c>National:*</c> setting stops start-up with a message saying which and why.</summary>
public sealed class NationalOptionsValidator : IValidateOptions<NationalOptions>
{
    public ValidateOptionsResult Validate(string? name, NationalOptions options)
    {
        if (options.BaseUrl is null)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            errors.Add($"National:BaseUrl phải là địa chỉ http hoặc https tuyệt đối, không phải '{options.BaseUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Signing.CertificatePath))
        {
            errors.Add("National:Signing:CertificatePath (tệp PKCS#12 của chứng thư ký) là bắt buộc khi đã cấu hình National:BaseUrl.");
        }
        else if (!File.Exists(options.Signing.CertificatePath))
        {
            errors.Add($"National:Signing:CertificatePath: không có tệp '{options.Signing.CertificatePath}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
