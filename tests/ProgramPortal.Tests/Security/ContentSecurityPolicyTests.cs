using Microsoft.Playwright;
using ProgramPortal.Identity;
using ProgramPortal.Jobs;
using ProgramPortal.Tests.Infrastructure;
using ProgramPortal.Tests.PublicSite;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Security;

/// <summary>
/// The policy in a real browser: the site's own pages need nothing it forbids, and a script that
/// gets into a page anyway is refused.
/// </summary>
public class ContentSecurityPolicyTests(BrowserPortalApp app, ITestOutputHelper output) : IClassFixture<BrowserPortalApp>
{
    [Fact]
    public async Task No_public_or_admin_page_is_refused_anything_and_an_injected_script_does_not_run()
    {
        var admin = $"csp-admin-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(admin, StaffRoles.Admin);
        // Every admin page the routing system knows, with real rows in its route values; Hangfire's
        // own pages are behind one catch-all endpoint, so a few of them are named here.
        var endpoints = await app.AdminWithRealIdsAsync(await RealRouteValues.CreateAsync(app));
        string[] publicPages =
        [
            .. PublicPaths.EveryPage, "/careers?track=IS&level=Mid", "/no-such-page",
            .. endpoints.Where(e => e.AllowsAnonymous).Select(e => e.Path),
        ];
        // The two-factor page comes last: it makes a new authenticator key, which changes the security
        // stamp and so ends this sign-in at the next stamp check.
        string[] last = ["/admin/logout", TwoFactorRequirementFilter.SetupPage];
        string[] adminPages =
        [
            .. endpoints.Where(e => !e.AllowsAnonymous && !last.Contains(e.Path)).Select(e => e.Path).Distinct(),
            $"{JobsExtensions.DashboardPath}/jobs/succeeded", $"{JobsExtensions.DashboardPath}/recurring",
            $"{JobsExtensions.DashboardPath}/servers", .. last,
        ];
        var page = await app.NewTabAsync();
        var watch = await PolicyWatch.AttachAsync(page);

        foreach (var path in publicPages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status < 500 && (path == "/no-such-page") == (response.Status == 404), $"GET {path} gave {response.Status}");
        }

        await page.GotoAsync("/admin/login");
        await BrowserPortalApp.SignInAsync(page, admin);
        var opened = 0;
        foreach (var path in adminPages)
        {
            // A download (the CSV export) is no page to render; it must still be served.
            var head = await page.APIRequest.GetAsync(path);
            Assert.True(head.Status == 200, $"GET {path} gave {head.Status}");
            if (!head.Headers["content-type"].StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.EndsWith(path, page.Url);
            opened++;
        }

        // The authenticator QR code is a data: image; the policy must let it show.
        var qrWidth = await page.Locator("img[alt*='QR code']").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.True(qrWidth > 0, "The QR code image did not load");
        // The email template preview frame inherits each page's policy too: the email's own inline
        // styles must be allowed there by their hashes, and nothing else.
        var violationsOnSitePages = watch.All.Count;
        Assert.True(violationsOnSitePages == 0, string.Join("\n", watch.All));

        // What a script that slipped past encoding would do: the browser refuses it and says so.
        var ran = await page.EvaluateAsync<bool>("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injectedScriptRan = true';
                document.body.appendChild(script);
                return window.injectedScriptRan === true;
            }
            """);
        Assert.False(ran, "An inline script ran despite the policy");
        Assert.Equal(1, await watch.WaitForViolationsAsync(atLeast: 1));
        Assert.Contains("script-src", watch.Violations[0]);

        Assert.True(opened >= 40, $"Only {opened} admin pages opened");
        output.WriteLine($"pages checked: {publicPages.Length + opened} ({publicPages.Length} public or sign-in, {opened} admin), "
            + $"CSP violations on them: {violationsOnSitePages}; injected inline script ran: {(ran ? "yes" : "no")}, "
            + $"violations reported for it: {watch.Violations.Count}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_lead_dashboards_share_bars_are_drawn_to_scale_under_the_policy()
    {
        var admin = $"bars-admin-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(admin, StaffRoles.Admin);
        await RealRouteValues.CreateAsync(app);
        var page = await app.NewTabAsync();
        var watch = await PolicyWatch.AttachAsync(page);
        await page.GotoAsync("/admin/login");
        await BrowserPortalApp.SignInAsync(page, admin);

        await page.GotoAsync("/admin/leads/dashboard");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        // Each row: the share the table states and the part of its bar cell the browser filled.
        var rows = await page.EvaluateAsync<BarRow[]>("""
            () => [...document.querySelectorAll('table.counts tbody tr')].map(row => {
                const cell = row.querySelector('td.share');
                const track = cell.querySelector('svg') ?? cell;
                const bar = cell.querySelector('rect, span');
                return {
                    label: row.querySelector('th').textContent.trim(),
                    share: parseFloat(row.querySelectorAll('td.number')[1].textContent) / 100,
                    filled: bar.getBoundingClientRect().width / track.getBoundingClientRect().width,
                };
            })
            """);

        Assert.Contains(rows, row => row.Share == 0);
        Assert.Contains(rows, row => row.Share == 1);
        Assert.All(rows, row => Assert.True(Math.Abs(row.Filled - row.Share) < 0.01,
            $"{row.Label}: share {row.Share:P0}, bar drawn at {row.Filled:P0}"));
        Assert.All(rows.Where(row => row.Share == 0), row => Assert.Equal(0, row.Filled));
        var violationsOnSitePages = watch.All.Count;
        Assert.True(violationsOnSitePages == 0, string.Join("\n", watch.All));
        output.WriteLine($"share bars: {rows.Length}, at 0%: {rows.Count(r => r.Share == 0)} (all empty), "
            + $"largest gap between share and bar: {rows.Max(r => Math.Abs(r.Filled - r.Share)):P1}, policy violations: 0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "lead-dashboard.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private sealed class BarRow
    {
        public string Label { get; set; } = "";
        public double Share { get; set; }
        public double Filled { get; set; }
    }
}
