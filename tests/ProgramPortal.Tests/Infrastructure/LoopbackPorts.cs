using System.Net;
using System.Net.Sockets;

namespace ProgramPortal.Tests.Infrastructure;

public static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now, for a server whose address must be known before it starts.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
