using System.Net;
using System.Net.Sockets;

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
}
