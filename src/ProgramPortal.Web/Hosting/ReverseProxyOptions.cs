using System.ComponentModel.DataAnnotations;
using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;

namespace ProgramPortal.Hosting;

/// <summary>
/// Which reverse proxies may tell the portal the client's address and scheme (X-Forwarded-For,
/// X-Forwarded-Proto). Left empty, only a proxy on the same machine (loopback) is believed; set
/// either list and exactly those addresses are, so a client can never spoof its own address.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "ReverseProxy";

    /// <summary>Single proxy addresses, such as 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation, such as 172.16.0.0/12 for a Docker network.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult(
                $"ReverseProxy:KnownProxies has '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(network => !IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult(
                $"ReverseProxy:KnownNetworks has '{network}', which is not a network such as 172.16.0.0/12.",
                [nameof(KnownNetworks)]);
        }
    }

    public void ApplyTo(ForwardedHeadersOptions forwarded)
    {
        // Host is not taken from the proxy: nginx passes the original Host header through anyway,
        // and AllowedHosts then still applies to it.
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (KnownProxies.Count == 0 && KnownNetworks.Count == 0)
        {
            return;
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
        }
    }
}
