using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace ProgramPortal.Hosting;

/// <summary>Where a request comes from, as rate limits count clients.</summary>
public static class ClientNetwork
{
    /// <summary>
    /// An IPv4 address, or the /64 network of an IPv6 address: one IPv6 subscriber usually holds a
    /// whole /64, so counting single addresses would give one client 2^64 fresh allowances.
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>
    /// A rate-limiter partition counting a client's posts in a fixed window. Only posts count: reading
    /// a form, or coming back to it after an error, is never limited.
    /// </summary>
    public static RateLimitPartition<string> PostsPerClient(HttpContext context, int permitLimit, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(Of(context.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");
}
