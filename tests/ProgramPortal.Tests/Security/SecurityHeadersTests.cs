using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Security;

/// <summary>The app with one way to make any page throw, to see what an unhandled exception sends.</summary>
public class FailingPagePortalApp : PortalApp
{
    public const string FailHeader = "X-Test-Fail";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new FailOnRequest())));
    }

    private sealed class FailOnRequest : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            // The error page itself, which the exception handler re-executes, must still render.
            if (context.HttpContext.Request.Headers.ContainsKey(FailHeader) && context.HttpContext.Request.Path != "/error")
            {
                throw new InvalidOperationException("A page failed on purpose (test).");
            }
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }
}

/// <summary>
/// Every response carries the browser protections: each endpoint the routing system knows (pages,
/// handlers, static files, sitemap, health), requested as GET and as a tokenless POST, plus a
/// missing page and a page that throws.
/// </summary>
public class SecurityHeadersTests(FailingPagePortalApp app, ITestOutputHelper output) : IClassFixture<FailingPagePortalApp>
{
    // Written out here rather than read from the app, so a weakened header fails the test instead of changing it.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["X-Frame-Options"] = "DENY",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    [Fact]
    public async Task Every_endpoint_redirect_static_file_and_error_response_carries_the_security_headers()
    {
        var endpoints = app.Sampled();
        var requests = endpoints.SelectMany(e => new[] { Request(HttpMethod.Get, e.Path), Request(HttpMethod.Post, e.Path) }).ToList();
        requests.Add(Request(HttpMethod.Get, "/no-such-page"));
        requests.Add(Request(HttpMethod.Get, "/css/no-such-file.css"));
        requests.Add(Request(HttpMethod.Get, "/error?code=500"));
        var failing = Request(HttpMethod.Get, "/faq?fresh=1");
        failing.Headers.Add(FailingPagePortalApp.FailHeader, "1");
        requests.Add(failing);

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new SortedDictionary<int, int>();
        var missing = new List<string>();
        foreach (var request in requests)
        {
            var label = $"{request.Method} {request.RequestUri}";
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            foreach (var (name, expected) in Expected)
            {
                var values = HeaderValues(response, name);
                if (values.Count != 1 || values[0] != expected)
                {
                    missing.Add($"{label} ({status}): {name} = [{string.Join(" | ", values)}]");
                }
            }
        }

        output.WriteLine($"endpoints: {endpoints.Count} ({endpoints.Count(IsStaticFile)} static files), requests: {requests.Count}, "
            + $"responses by status: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}, "
            + $"headers checked: {requests.Count * Expected.Count}, missing or wrong: {missing.Count}");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(endpoints.Count >= 40, $"Only {endpoints.Count} endpoints found");
        Assert.Contains(endpoints, IsStaticFile);
        // Proof that the walk reached every kind of response, not only pages that rendered.
        Assert.All(new[] { 200, 302, 400, 404, 500 }, status => Assert.True(statuses.ContainsKey(status), $"No {status} response"));
        // Anonymous GETs and tokenless POSTs are not errors: the one 500 is the page made to fail.
        Assert.Equal(1, statuses.Where(s => s.Key >= 500).Sum(s => s.Value));
    }

    [Fact]
    public async Task The_policy_refuses_inline_script_plugins_framing_and_foreign_form_targets()
    {
        using var response = await app.CreateClient().GetAsync("/");
        var policy = Directives(Assert.Single(HeaderValues(response, "Content-Security-Policy")));

        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"][0]);
        Assert.All(policy["style-src"].Skip(1), source => Assert.StartsWith("'sha256-", source));
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.DoesNotContain(policy.Values.SelectMany(v => v), source => source.StartsWith("'unsafe-") || source == "*");
        Assert.Equal("DENY", Assert.Single(HeaderValues(response, "X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(HeaderValues(response, "X-Content-Type-Options")));
        Assert.Contains(Assert.Single(HeaderValues(response, "Referrer-Policy")),
            new[] { "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin" });
        output.WriteLine($"directives: {policy.Count}, unsafe sources: 0");
    }

    [Fact]
    public async Task A_page_that_fails_shows_the_error_page_with_the_headers_and_no_details()
    {
        using var request = Request(HttpMethod.Get, "/sources?fail=1");
        request.Headers.Add(FailingPagePortalApp.FailHeader, "1");

        using var response = await app.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.Equal(ContentSecurityPolicy, Assert.Single(HeaderValues(response, "Content-Security-Policy")));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path) =>
        method == HttpMethod.Post
            ? new HttpRequestMessage(method, path) { Content = new FormUrlEncodedContent([]) }
            : new HttpRequestMessage(method, path);

    private static bool IsStaticFile(SampledEndpoint endpoint) => Path.HasExtension(endpoint.Path) && !endpoint.Path.EndsWith(".xml") && !endpoint.Path.EndsWith(".txt");

    private static List<string> HeaderValues(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? [.. values]
            : [];

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..]);
}
