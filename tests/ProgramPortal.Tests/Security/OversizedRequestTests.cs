using System.Net;
using System.Text;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Security;

/// <summary>
/// Bodies too big for the portal, sent to the real process (Kestrel's 30 MB request limit does not
/// exist in memory): a 40 MB post to every admin route and every anonymous form, and a form with
/// one 5 MB field or 5,000 fields to every anonymous form, by a visitor and by a signed-in Admin,
/// each with a valid form token so the body is really read. Each is refused, never a server error.
/// </summary>
public class OversizedRequestTests(PortalApp app, ITestOutputHelper output) : IClassFixture<PortalApp>
{
    private const int OverKestrelsLimit = 40_000_000;

    [Fact]
    public async Task Admin_routes_and_anonymous_forms_refuse_oversized_bodies_and_large_forms_without_a_server_error()
    {
        var routeValues = await RealRouteValues.CreateAsync(app);
        var adminEmail = $"oversized-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(adminEmail, StaffRoles.Admin);
        var adminRoutes = (await app.AdminWithRealIdsAsync(routeValues)).Select(e => e.Path).Distinct().ToList();
        var anonymousForms = app.Sampled().Where(e => e.TakesForms && e.AllowsAnonymous).Select(e => e.Path).Distinct().ToList();
        await using var portal = await PortalInstance.StartAsync(app.ConnectionString);
        using var visitor = new StaffBrowser(portal.CreateClient(new CookieContainer()));
        var visitorToken = StaffBrowser.AntiforgeryToken(await visitor.GetAsync("/request-info"));
        using var admin = new StaffBrowser(portal.CreateClient(new CookieContainer()));
        Assert.DoesNotContain("/admin/login", (await admin.SignInAsync(adminEmail)).Path);
        var adminToken = StaffBrowser.AntiforgeryToken(await admin.GetAsync("/admin/staff/invite"));

        var padding = new string('a', OverKestrelsLimit);
        var largeValue = new string('a', 5_000_000);
        var manyFields = string.Join('&', Enumerable.Range(0, 5_000).Select(i => $"field{i}=x"));
        static byte[] Form(string token, string fields) => Encoding.ASCII.GetBytes($"__RequestVerificationToken={token}&{fields}");
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        foreach (var (who, browser, token) in new[] { ("visitor", visitor, visitorToken), ("Admin", admin, adminToken) })
        {
            var oversized = Form(token, "padding=" + padding);
            foreach (var path in adminRoutes.Concat(anonymousForms).Distinct())
            {
                await SendAsync(who, browser, HttpMethod.Post, path, oversized, "40 MB body");
                await SendAsync(who, browser, HttpMethod.Put, path, oversized, "40 MB body");
            }

            var oneLargeField = Form(token, "Input.Email=" + largeValue);
            var tooManyFields = Form(token, manyFields);
            foreach (var path in anonymousForms)
            {
                await SendAsync(who, browser, HttpMethod.Post, path, oneLargeField, "5 MB field");
                await SendAsync(who, browser, HttpMethod.Post, path, tooManyFields, "5,000 fields");
            }
        }

        output.WriteLine($"admin routes: {adminRoutes.Count}, anonymous forms: {anonymousForms.Count} ({string.Join(", ", anonymousForms)}), "
            + $"requests: {statuses.Values.Sum()}, by status: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}, "
            + $"server errors or dropped connections: {failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(adminRoutes.Count >= 30, $"Only {adminRoutes.Count} admin routes found");
        Assert.Contains("/request-info", anonymousForms);
        Assert.Contains("/admin/forgot-password", anonymousForms);
        Assert.True(statuses.ContainsKey(413), "No request reached Kestrel's limit");
        Assert.False(portal.HasExited, portal.OutputText);

        async Task SendAsync(string who, StaffBrowser browser, HttpMethod method, string path, byte[] form, string what)
        {
            using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(form) };
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            // As curl sends a large upload: the portal can refuse it before a byte of the body is sent.
            request.Headers.ExpectContinue = true;
            try
            {
                using var response = await browser.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    failures.Add($"{who} {method} {path} with a {what}: {status}");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{who} {method} {path} with a {what}: no answer ({e.Message})");
            }
        }
    }
}
