using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Reporting.Core.National;

/// <summary>
/// The signer's certificate from <c>National:Signing:CertificatePath</c> (PKCS#12) and its password,
/// loaded once. The password is read here and nowhere else; it never reaches a log line.
/// </summary>
public sealed class SigningCertificate(IOptions<NationalOptions> options) : IDisposable
{
    private readonly Lock _gate = new();
    private X509Certificate2? _certificate;

    public X509Certificate2 Get()
    {
        lock (_gate)
        {
            return _certificate ??= Load(options.Value.Signing);
        }
    }

    public static X509Certificate2 Load(NationalSigningOptions signing)
    {
        if (string.IsNullOrWhiteSpace(signing.CertificatePath))
        {
            throw new InvalidOperationException("Chưa cấu hình National:Signing:CertificatePath.");
        }

        try
        {
            // EphemeralKeySet: the key stays in memory, nothing is written to the user's key store.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(signing.CertificatePath, signing.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"Tệp '{signing.CertificatePath}' không có khoá bí mật của chứng thư ký.");
            }

            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"Không đọc được chứng thư ký '{signing.CertificatePath}' (sai mật khẩu hoặc không phải PKCS#12): {e.Message}", e);
        }
    }

    /// <summary>
    /// A self-signed RSA signer certificate written as PKCS#12 (demo mode's first start and the tests);
    /// a real deployment uses the provincial CA's certificate instead (README).
    /// </summary>
    public static void CreateSelfSigned(string path, string? password, string subject, DateTimeOffset now)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
    }

    public void Dispose() => _certificate?.Dispose();
}
