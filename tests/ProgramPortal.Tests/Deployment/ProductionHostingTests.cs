using System.Net;
using ProgramPortal.Hosting;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Deployment;

/// <summary>The portal as a real Production process: behind a proxy, probed by Docker, stopped by a signal.</summary>
public class ProductionHostingTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string PublicHost = "portal.example.edu"; // HSTS is never sent to localhost

    private static readonly Dictionary<string, string?> HttpsOn = new()
    {
        ["Https__RedirectToHttps"] = "true",
        ["Https__UseHsts"] = "true",
    };

    [Fact]
    public async Task Behind_the_local_proxy_https_requests_get_hsts_and_plain_http_is_sent_to_https()
    {
        await using var portal = await PortalInstance.StartAsync(app.ConnectionString, HttpsOn);
        using var client = portal.CreateClient();

        using var plain = await client.SendAsync(Get("/faq"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal($"https://{PublicHost}/faq", plain.Headers.Location?.ToString());

        using var viaProxy = await client.SendAsync(Get("/", forwardedProto: "https"));
        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(viaProxy.Headers.GetValues("Strict-Transport-Security")));
        // The browser protections come with the redirect and with HSTS alike.
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(plain.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(viaProxy.Headers.GetValues("Content-Security-Policy")));

        using var login = await client.SendAsync(Get("/admin/login", forwardedProto: "https"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("secure", AntiforgeryCookie(login), StringComparison.OrdinalIgnoreCase);

        // Docker and load balancers probe the instance itself over plain HTTP.
        using var probe = await client.SendAsync(Get(HealthProbe.Path));
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task Served_over_plain_http_on_purpose_the_staff_login_form_works()
    {
        // The local compose: Production, HTTPS redirection off, http://localhost:8080.
        await using var portal = await PortalInstance.StartAsync(app.ConnectionString);
        using var client = portal.CreateClient();

        using var login = await client.GetAsync("/admin/login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Staff sign-in", await login.Content.ReadAsStringAsync());
        Assert.DoesNotContain("secure", AntiforgeryCookie(login), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_listed_are_ignored()
    {
        var settings = new Dictionary<string, string?>(HttpsOn) { ["ReverseProxy__KnownProxies__0"] = "192.0.2.10" };
        await using var portal = await PortalInstance.StartAsync(app.ConnectionString, settings);
        using var client = portal.CreateClient();

        using var response = await client.SendAsync(Get("/", forwardedProto: "https"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_proxy_network_that_is_not_a_network_stops_the_site_at_start_naming_the_setting()
    {
        await using var portal = PortalInstance.Launch(app.ConnectionString,
            new Dictionary<string, string?> { ["ReverseProxy__KnownNetworks__0"] = "10.0.0.0/99" });

        Assert.NotEqual(0, await portal.WaitForExitAsync());
        Assert.Contains("ReverseProxy:KnownNetworks has '10.0.0.0/99'", portal.OutputText);
    }

    [Fact]
    public async Task The_healthcheck_verb_passes_while_the_site_answers_and_fails_once_it_has_stopped()
    {
        await using var portal = await PortalInstance.StartAsync(app.ConnectionString);

        Assert.Equal(0, await HealthCheckAsync(portal.BaseAddress));
        await portal.StopAsync();
        Assert.Equal(1, await HealthCheckAsync(portal.BaseAddress));
    }

    [Fact]
    public async Task A_stop_signal_shuts_the_site_down_cleanly_and_every_log_line_is_structured_json()
    {
        await using var portal = await PortalInstance.StartAsync(app.ConnectionString);
        using (var client = portal.CreateClient())
        {
            (await client.GetAsync("/")).EnsureSuccessStatusCode();
        }

        Assert.Equal(0, await portal.StopAsync(TimeSpan.FromSeconds(30)));

        Assert.NotEmpty(portal.Output);
        Assert.All(portal.Output, line => Assert.StartsWith("{", line));
        Assert.Contains(portal.LogEntries, entry => entry.GetProperty("Message").GetString() == "Application is shutting down...");
        Assert.All(portal.LogEntries, entry => Assert.True(entry.TryGetProperty("Category", out _)));
    }

    /// <summary>What Docker's HEALTHCHECK runs, pointed at this instance's address.</summary>
    private async Task<int> HealthCheckAsync(Uri address)
    {
        await using var probe = PortalInstance.Launch(app.ConnectionString, arguments:
            [CommandLineVerbs.HealthCheck, "--urls", address.ToString()]);
        return await probe.WaitForExitAsync();
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Antiforgery."));

    private static HttpRequestMessage Get(string path, string? forwardedProto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = PublicHost;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return request;
    }
}
