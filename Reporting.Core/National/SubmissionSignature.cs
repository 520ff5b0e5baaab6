using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Reporting.Core.National;

/// <summary>
/// The submission's signature (reporting.md): a detached CMS (PKCS#7) SignedData, DER, base64, over
/// the canonical bytes of the body without <c>signature</c>, with the signer's certificate inside so
/// a receiver that has nothing but the request can say who signed what, whatever the chain.
/// </summary>
public static class SubmissionSignature
{
    /// <summary>Signs the content with the certificate's private key (SHA-256), the end certificate included.</summary>
    public static string Sign(byte[] content, X509Certificate2 certificate)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"Chứng thư ký '{certificate.Subject}' không có khoá bí mật.");
        }

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        // EndCertOnly puts the signer's own certificate in, even a self-signed one that ExcludeRoot would leave out.
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            IncludeOption = X509IncludeOption.EndCertOnly,
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1", "sha256"),
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        cms.ComputeSignature(signer, silent: true);
        return Convert.ToBase64String(cms.Encode());
    }

    /// <summary>
    /// Checks a detached signature over the content with the certificate it carries (the chain is the
    /// receiver's policy, not checked here); the signer's certificate when it holds, or why not.
    /// </summary>
    public static SignatureCheck Verify(byte[] content, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return SignatureCheck.Fail("Thiếu chữ ký (signature).");
        }

        byte[] der;
        try
        {
            der = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return SignatureCheck.Fail("Chữ ký không phải base64.");
        }

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException e)
        {
            return SignatureCheck.Fail($"Chữ ký không phải CMS SignedData DER: {e.Message}");
        }

        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } certificate)
        {
            return SignatureCheck.Fail("Chữ ký phải có đúng một người ký và chứng thư của người ký kèm theo.");
        }

        try
        {
            cms.SignerInfos[0].CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException e)
        {
            return SignatureCheck.Fail($"Chữ ký không khớp nội dung: {e.Message}");
        }

        return new SignatureCheck(true, null, certificate);
    }
}

/// <summary>The answer of <see cref="SubmissionSignature.Verify"/>.</summary>
public sealed record SignatureCheck(bool Valid, string? Error, X509Certificate2? Signer)
{
    public static SignatureCheck Fail(string error) => new(false, error, null);
}
