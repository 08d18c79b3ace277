using System.Net;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

/// <summary>
/// Reads every endpoint the app serves under /admin from the routing system (so a page added later
/// is covered without touching this test) and proves that anonymous visitors and staff without
/// the right role are refused on every page and every handler, GET and POST, while the roles that may
/// use a page get it with its content (200; a 404 is not served).
/// </summary>
public class AdminAuthorizationTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static readonly string[] PublicPages =
        ["/admin/login", "/admin/login-2fa", "/admin/forgot-password", "/admin/reset-password", "/admin/accept-invitation", "/admin/denied"];

    /// <summary>The rule the issue sets, by URL: which roles may use a page (null: anyone).</summary>
    private static string[]? AllowedRoles(string path) => path switch
    {
        _ when PublicPages.Contains(path) => null,
        _ when path.StartsWith("/admin/staff") || path.StartsWith("/admin/jobs") => [StaffRoles.Admin],
        _ when path.StartsWith("/admin/content") => [StaffRoles.Editor, StaffRoles.Admin],
        _ when path.StartsWith("/admin/leads") => [StaffRoles.Admissions, StaffRoles.Admin],
        _ => [.. StaffRoles.All],
    };

    [Fact]
    public async Task Every_admin_endpoint_and_handler_refuses_anonymous_visitors_and_wrong_roles()
    {
        var requests = await AdminRequestsAsync();
        Assert.True(requests.Select(r => r.Path).Distinct().Count() >= 25, "Too few admin endpoints found: " + requests.Count);
        Assert.Contains(requests, r => r.Handler == "Move");
        Assert.Contains(requests, r => r.Method == HttpMethod.Post && r.Path.Contains("/restore/"));

        using var anonymous = app.NewBrowser();
        var anonymousToken = StaffBrowser.AntiforgeryToken(await anonymous.GetAsync("/admin/login"));
        var staff = new Dictionary<string, (StaffBrowser Browser, string Token)>();
        foreach (var role in (string?[])[null, .. StaffRoles.All])
        {
            var browser = await app.LoginAsAsync(role);
            staff[role ?? "no role"] = (browser, StaffBrowser.AntiforgeryToken(await browser.GetAsync("/admin/denied")));
        }

        var failures = new List<string>();
        foreach (var request in requests)
        {
            var allowed = AllowedRoles(request.Path);
            if (allowed is null)
            {
                continue;
            }

            var outcome = await SendAsync(anonymous, request, anonymousToken);
            if (outcome != Outcome.SentToLogin)
            {
                failures.Add($"anonymous {request}: {outcome}");
            }

            foreach (var (role, (browser, token)) in staff)
            {
                var expected = allowed.Contains(role) ? Outcome.Served : Outcome.Denied;
                // Only GETs are checked for the roles that may use a page: a POST would really act.
                if (expected == Outcome.Served && request.Method == HttpMethod.Post)
                {
                    continue;
                }

                outcome = await SendAsync(browser, request, token);
                if (outcome != expected)
                {
                    failures.Add($"{role} {request}: {outcome}, expected {expected}");
                }
            }
        }

        foreach (var (browser, _) in staff.Values)
        {
            browser.Dispose();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_sign_in_pages_are_the_only_admin_pages_open_to_everyone()
    {
        var open = (await AdminRequestsAsync()).Select(r => r.Path).Distinct().Where(p => AllowedRoles(p) is null).Order();

        Assert.Equal(PublicPages.Order(), open);
    }

    private enum Outcome { Served, SentToLogin, Denied, Other }

    private sealed record AdminRequest(HttpMethod Method, string Path, string? Handler)
    {
        public string Url => Handler is null ? Path : $"{Path}?handler={Handler}";
        public override string ToString() => $"{Method} {Url}";
    }

    /// <summary>Route values name real rows (a content item of each type, a lead, a staff member), so a page that serves answers 200.</summary>
    private async Task<List<AdminRequest>> AdminRequestsAsync()
    {
        var requests = new List<AdminRequest>();
        foreach (var endpoint in await app.AdminWithRealIdsAsync(await RealRouteValues.CreateAsync(app)))
        {
            requests.Add(new AdminRequest(HttpMethod.Get, endpoint.Path, null));
            requests.Add(new AdminRequest(HttpMethod.Post, endpoint.Path, null));
            requests.AddRange(endpoint.Handlers.Select(h => new AdminRequest(h.Method, endpoint.Path, h.Name)));
        }

        return requests;
    }

    private static async Task<Outcome> SendAsync(StaffBrowser browser, AdminRequest request, string token)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.Method == HttpMethod.Post)
        {
            // A valid token, so a refusal can only come from authorization, not from antiforgery.
            message.Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
        }

        using var response = await browser.Client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.AbsolutePath;
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location == "/admin/login" => Outcome.SentToLogin,
            HttpStatusCode.Unauthorized => Outcome.SentToLogin,
            HttpStatusCode.Redirect when location == "/admin/denied" => Outcome.Denied,
            HttpStatusCode.Forbidden => Outcome.Denied,
            HttpStatusCode.OK when body.Length > 0 => Outcome.Served,
            _ => Outcome.Other,
        };
    }
}
