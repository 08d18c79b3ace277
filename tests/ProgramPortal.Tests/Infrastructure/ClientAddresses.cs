using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The in-memory server has no client address; this gives each request the one its test names,
/// so per-client limits can be tested with many clients from one process.
/// </summary>
public static class ClientAddresses
{
    private const string Header = "X-Test-Client-Address";

    public static void ComeFromNamedAddresses(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, FromHeader>());

    /// <summary>Makes this browser's next requests come from <paramref name="address"/>.</summary>
    public static StaffBrowser From(this StaffBrowser browser, string address)
    {
        browser.Client.DefaultRequestHeaders.Remove(Header);
        browser.Client.DefaultRequestHeaders.Add(Header, address);
        return browser;
    }

    private sealed class FromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
