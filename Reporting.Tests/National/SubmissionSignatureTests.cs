using System.Diagnostics;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Reporting.Core.National;
using Xunit;

namespace Reporting.Tests.National;

/// <summary>The detached CMS signature verifies with SignedCms and with an independent verifier (openssl), and not after one changed byte.</summary>
public sealed class SubmissionSignatureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("national-sign-").FullName;

    public SubmissionSignatureTests()
    {
        CertificatePath = Path.Combine(_folder, "signer.p12");
        SigningCertificate.CreateSelfSigned(CertificatePath, "mật-khẩu-thử", "CN=Văn phòng UBND tỉnh (thử nghiệm), O=Reporting System, C=VN", DateTimeOffset.UtcNow);
    }

    private string CertificatePath { get; }

    private X509Certificate2 Certificate() => SigningCertificate.Load(new NationalSigningOptions { CertificatePath = CertificatePath, CertificatePassword = "mật-khẩu-thử" });

    private static readonly byte[] Content = CanonicalJson.Canonicalize("""{"agencyName":"UBND tỉnh","rows":[{"key":"total","values":{"4":12}}],"version":1}""");

    [Fact]
    public void SignedCms_verifies_the_signature_with_the_certificate_it_carries()
    {
        using var certificate = Certificate();
        var signature = SubmissionSignature.Sign(Content, certificate);

        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.Decode(Convert.FromBase64String(signature));
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(certificate.Thumbprint, Assert.Single(cms.Certificates).Thumbprint);
        Assert.Equal(certificate.Thumbprint, cms.SignerInfos[0].Certificate!.Thumbprint);

        var check = SubmissionSignature.Verify(Content, signature);
        Assert.True(check.Valid, check.Error);
        Assert.Equal(certificate.Subject, check.Signer!.Subject);
    }

    [Fact]
    public void One_changed_byte_of_the_content_fails()
    {
        using var certificate = Certificate();
        var signature = SubmissionSignature.Sign(Content, certificate);
        var changed = (byte[])Content.Clone();
        changed[Array.IndexOf(changed, (byte)'2')] = (byte)'3';

        var check = SubmissionSignature.Verify(changed, signature);
        Assert.False(check.Valid);
        Assert.Contains("không khớp", check.Error);
        var cms = new SignedCms(new ContentInfo(changed), detached: true);
        cms.Decode(Convert.FromBase64String(signature));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cms.CheckSignature(verifySignatureOnly: true));
    }

    [Fact]
    public void A_missing_or_malformed_signature_is_refused_with_a_reason()
    {
        Assert.Contains("Thiếu", SubmissionSignature.Verify(Content, null).Error);
        Assert.Contains("base64", SubmissionSignature.Verify(Content, "không phải base64!").Error);
        Assert.Contains("CMS", SubmissionSignature.Verify(Content, Convert.ToBase64String([1, 2, 3])).Error);
    }

    [Fact]
    public void The_body_is_canonical_and_its_signature_covers_the_body_without_it()
    {
        using var certificate = Certificate();
        var body = JsonNode.Parse("""{"b":1,"a":"Sở Tư pháp"}""")!.AsObject();
        var signed = CanonicalJson.Canonicalize(body.ToJsonString());
        body["signature"] = SubmissionSignature.Sign(signed, certificate);

        var received = JsonNode.Parse(body.ToJsonString())!.AsObject();
        Assert.True(SubmissionSignature.Verify(SubmissionBody.SignedBytes(received), received["signature"]!.GetValue<string>()).Valid);
        received["b"] = 2;
        Assert.False(SubmissionSignature.Verify(SubmissionBody.SignedBytes(received), received["signature"]!.GetValue<string>()).Valid);
    }

    [Fact]
    public void A_wrong_password_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SigningCertificate.Load(new NationalSigningOptions { CertificatePath = CertificatePath, CertificatePassword = "sai" }));
        Assert.Contains("sai mật khẩu", e.Message);
    }

    [SkippableOpenSslFact]
    public async Task OpenSsl_verifies_the_signature_on_the_canonical_bytes_and_refuses_a_changed_byte()
    {
        using var certificate = Certificate();
        var signature = SubmissionSignature.Sign(Content, certificate);
        var contentPath = Path.Combine(_folder, "body.json");
        var signaturePath = Path.Combine(_folder, "body.p7s");
        await File.WriteAllBytesAsync(contentPath, Content);
        await File.WriteAllBytesAsync(signaturePath, Convert.FromBase64String(signature));

        var (code, output) = await OpenSslAsync("cms", "-verify", "-binary", "-inform", "DER", "-in", signaturePath, "-content", contentPath, "-noverify", "-out", "/dev/null");
        Assert.True(code == 0, output);
        Assert.Contains("Verification successful", output);

        var changed = (byte[])Content.Clone();
        changed[^2] ^= 1;
        await File.WriteAllBytesAsync(contentPath, changed);
        (code, output) = await OpenSslAsync("cms", "-verify", "-binary", "-inform", "DER", "-in", signaturePath, "-content", contentPath, "-noverify", "-out", "/dev/null");
        Assert.NotEqual(0, code);
        Assert.Contains("Verification failure", output);
    }

    private static async Task<(int Code, string Output)> OpenSslAsync(params string[] args)
    {
        var start = new ProcessStartInfo(SkippableOpenSslFactAttribute.OpenSsl!) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>A fact that runs where an <c>openssl</c> executable is on the PATH, and is skipped (not passed) elsewhere.</summary>
public sealed class SkippableOpenSslFactAttribute : FactAttribute
{
    public static readonly string? OpenSsl = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "openssl"))
        .FirstOrDefault(File.Exists);

    public SkippableOpenSslFactAttribute()
    {
        if (OpenSsl is null)
        {
            Skip = "Không có openssl trên máy này, kiểm tra bằng bộ xác minh độc lập bị bỏ qua.";
        }
    }
}
