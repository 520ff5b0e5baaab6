using System.Net.Sockets;

namespace Reporting.Collectors;

/// <summary>
/// The sockets handler of the source clients: every connection (first request, retries, redirect targets) resolves
/// the host itself and connects only when <see cref="CollectorNetworkPolicy"/> allows every address it got, so a
/// name that resolves elsewhere at run time than when the source was saved is still refused. No proxy (the check
/// would see the proxy, not the source) and no automatic redirects (<see cref="FeedClientBase"/> follows them, so
/// the key is never sent to another server).
/// </summary>
public static class CollectorHttpHandler
{
    public static SocketsHttpHandler Create(CollectorNetworkPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await CollectorNetworkPolicy.AddressesAsync(context.DnsEndPoint.Host, ct);
            if (addresses.Select(policy.Problem).FirstOrDefault(p => p is not null) is { } problem)
            {
                throw new SourceAddressRefusedException(problem);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
