using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reporting.Core.Persistence;

namespace Reporting.Core.Collectors;

/// <summary>
/// The API keys of collector sources at rest: encrypted with ASP.NET Core Data Protection (key ring in the reporting
/// database, docs/decisions/009-collector-source-keys-encrypted.md), written with a version prefix so a stored value
/// tells whether it is protected. Keys are only ever decrypted to be sent to their source; no API or page shows them.
/// </summary>
public sealed class SourceKeyProtection(IDataProtectionProvider provider, ILogger<SourceKeyProtection> logger)
{
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Reporting.CollectorSources.ApiKey.v1");

    public string? Protect(string? key) => string.IsNullOrEmpty(key) ? null : Prefix + _protector.Protect(key);

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// The key to send. A value written before encryption existed is still plain until <see cref="ProtectPlainKeysAsync"/>
    /// runs at start-up. Throws <see cref="CryptographicException"/> when the key ring that protected it is gone.
    /// </summary>
    public string? Reveal(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    /// <summary>Encrypts the keys still stored plain (databases from before this change, rows written by hand).</summary>
    public async Task<int> ProtectPlainKeysAsync(ReportingDbContext db, CancellationToken ct = default)
    {
        var plain = await db.CollectorSources.Where(s => s.ApiKey != null && s.ApiKey != "" && !s.ApiKey.StartsWith(Prefix)).ToListAsync(ct);
        foreach (var source in plain)
        {
            source.ApiKey = Protect(source.ApiKey);
        }

        await db.SaveChangesAsync(ct);
        if (plain.Count > 0)
        {
            logger.LogInformation("Encrypted the stored API keys of {Count} collector sources", plain.Count);
        }

        return plain.Count;
    }
}
