namespace Reporting.Core.Access;

/// <summary>
/// An API key created by an administrator in the UI: only a hash of its secret is kept (the secret is
/// shown once). The configured keys of api.md live beside these, in configuration.
/// </summary>
public sealed class StoredApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret, hex; the secret is 32 random bytes, so a plain hash is enough.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The first characters of the secret, so an administrator can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Scopes, comma separated.</summary>
    public required string Scopes { get; set; }

    public string? AgencyCode { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}
