using System.Net;
using System.Net.Sockets;

namespace Reporting.Collectors;

/// <summary>
/// Which addresses a collector may connect to (spec access.md "Hardening rules"): never link-local, cloud metadata,
/// unspecified, multicast or broadcast addresses; loopback and private ranges only when listed in
/// <c>Collectors:AllowedNetworks</c> (loopback also in demo mode, for the product's own simulators); any other
/// (public) address. Checked when a source is saved and again on every connection, redirects included, because
/// a name may resolve differently at run time.
/// </summary>
public sealed class CollectorNetworkPolicy
{
    private static readonly IPNetwork[] Never =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network": 0.0.0.0 reaches the local host on Linux
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, with the cloud metadata service 169.254.169.254
        IPNetwork.Parse("100.100.100.200/32"), // Alibaba Cloud metadata
        IPNetwork.Parse("168.63.129.16/32"), // Azure platform (wire server)
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, with broadcast 255.255.255.255
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fd00:ec2::254/128"), // AWS metadata over IPv6
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    private static readonly IPNetwork[] Private =
    [
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT
        IPNetwork.Parse("fc00::/7"),         // unique local
    ];

    private readonly IReadOnlyList<IPNetwork> _allowed;
    private readonly bool _allowLoopback;

    public CollectorNetworkPolicy(IEnumerable<IPNetwork> allowed, bool allowLoopback)
    {
        _allowed = allowed.ToList();
        _allowLoopback = allowLoopback;
    }

    public static CollectorNetworkPolicy From(CollectorOptions options) =>
        new(options.AllowedNetworks.Select(n => IPNetwork.Parse(n.Trim())), options.DemoLoopback);

    /// <summary>Why a connection to <paramref name="address"/> is refused, in Vietnamese, or null when it is allowed.</summary>
    public string? Problem(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (Never.Any(n => n.Contains(address)))
        {
            return $"địa chỉ {address} là địa chỉ nội bộ của máy chủ hoặc dịch vụ siêu dữ liệu đám mây, không bao giờ được phép";
        }

        if (_allowed.Any(n => n.Contains(address)))
        {
            return null;
        }

        if (Loopback.Any(n => n.Contains(address)))
        {
            return _allowLoopback ? null : $"địa chỉ {address} là chính máy chủ (loopback), không được phép";
        }

        if (Private.Any(n => n.Contains(address)) || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return $"địa chỉ {address} thuộc mạng riêng không có trong Collectors:AllowedNetworks";
        }

        return null;
    }

    /// <summary>The host's addresses (an address literal is itself); a name that does not resolve throws, as a connection would.</summary>
    public static async Task<IPAddress[]> AddressesAsync(string host, CancellationToken ct)
    {
        var name = host.Trim('[', ']');
        return IPAddress.TryParse(name, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(name, ct);
    }

    /// <summary>
    /// The first refused address of <paramref name="host"/>, or null. Every address counts, not only the first: a
    /// name answering with a public and a private address must not pass. A name that does not resolve now is not
    /// refused here (the name server may be down when the source is saved): every connection is checked again.
    /// </summary>
    public async Task<string?> HostProblemAsync(string host, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await AddressesAsync(host, ct);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }

        return addresses.Select(Problem).FirstOrDefault(p => p is not null);
    }

    /// <summary>A CIDR of <c>Collectors:AllowedNetworks</c> that does not parse, or null.</summary>
    public static string? CidrProblem(string? cidr) =>
        !string.IsNullOrWhiteSpace(cidr) && IPNetwork.TryParse(cidr.Trim(), out _) ? null : $"'{cidr}' không phải dải mạng CIDR (ví dụ 10.20.0.0/16)";
}

/// <summary>A collector connection refused by <see cref="CollectorNetworkPolicy"/>.</summary>
public sealed class SourceAddressRefusedException(string message) : Exception(message);
