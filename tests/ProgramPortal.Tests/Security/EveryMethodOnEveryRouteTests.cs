using System.Net;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Security;

/// <summary>
/// Every endpoint the routing system knows (pages, handlers, static files, sitemap, health, the jobs
/// dashboard) asked with every common HTTP method, by a visitor and by a signed-in Admin: a method a
/// page does not handle is refused (405 with Allow, or 400 for a post without its form token), never
/// answered with a server error.
/// </summary>
public class EveryMethodOnEveryRouteTests(PortalApp app, ITestOutputHelper output) : IClassFixture<PortalApp>
{
    private static readonly HttpMethod[] Methods =
    [
        HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete,
        HttpMethod.Options, HttpMethod.Trace,
    ];

    [Fact]
    public async Task No_method_on_any_route_gets_a_server_error_from_a_visitor_or_an_Admin()
    {
        var endpoints = app.Sampled();
        using var visitor = app.NewBrowser();
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);
        var statuses = new SortedDictionary<int, int>();
        var serverErrors = new List<string>();
        var pagesRenderedForTrace = new List<string>();
        foreach (var (who, browser) in new[] { ("visitor", visitor), ("Admin", admin) })
        {
            // No request carries a form token, so none of them can act (not even sign-out's POST).
            foreach (var endpoint in endpoints)
            {
                foreach (var method in Methods)
                {
                    using var request = new HttpRequestMessage(method, endpoint.Path);
                    if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Trace)
                    {
                        request.Content = new FormUrlEncodedContent([KeyValuePair.Create("field", "value")]);
                    }

                    using var response = await browser.Client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (status >= 500)
                    {
                        serverErrors.Add($"{who} {method} {endpoint.Path}: {status}");
                    }

                    var signInRedirect = response.Headers.Location is { } location
                        && new Uri(browser.Client.BaseAddress!, location).AbsolutePath == "/admin/login";
                    if (method == HttpMethod.Trace && endpoint.IsPage && status != 405 && !signInRedirect)
                    {
                        pagesRenderedForTrace.Add($"{who} TRACE {endpoint.Path}: {status}");
                    }
                }
            }
        }

        output.WriteLine($"endpoints: {endpoints.Count}, methods: {Methods.Length}, requests: {statuses.Values.Sum()}, "
            + $"by status: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}, server errors: {serverErrors.Count}");
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors));
        Assert.True(pagesRenderedForTrace.Count == 0, "Pages that did not refuse TRACE:\n" + string.Join("\n", pagesRenderedForTrace));
        Assert.True(endpoints.Count(e => e.IsPage) >= 40, $"Only {endpoints.Count(e => e.IsPage)} pages found");
    }

    [Fact]
    public async Task TRACE_on_the_home_page_is_refused_with_the_methods_it_allows()
    {
        using var visitor = app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Trace, "/");

        using var response = await visitor.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        Assert.Contains("This page cannot do that", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_PUT_with_a_valid_form_token_is_refused_with_the_methods_the_page_and_its_handler_take()
    {
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);
        var (path, handler) = app.Sampled()
            .SelectMany(e => e.Handlers.Where(h => h.Method == HttpMethod.Post).Select(h => (e.Path, h.Name)))
            .First(p => p.Path == "/admin/content/faq");
        var token = StaffBrowser.AntiforgeryToken(await admin.GetAsync(path));

        using var put = new HttpRequestMessage(HttpMethod.Put, $"{path}?handler={handler}")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]),
        };
        using var response = await admin.Client.SendAsync(put);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Order());
    }
}
