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
        var cio = await app.CareerRoleIdAsync("Chief Information Officer (CIO)");
        string[] publicPages = [.. PublicPaths.EveryPage, "/careers?track=IS&level=Mid", "/no-such-page", "/admin/login", "/admin/forgot-password"];
        string[] adminPages =
        [
            "/admin", "/admin/content/career-roles", $"/admin/content/career-roles/edit/{cio}", $"/admin/content/career-roles/{cio}/history",
            "/admin/content/sources", "/admin/content/changes", "/admin/staff", "/admin/staff/invite", "/admin/staff/settings",
            JobsExtensions.DashboardPath, $"{JobsExtensions.DashboardPath}/jobs/succeeded", $"{JobsExtensions.DashboardPath}/recurring",
            $"{JobsExtensions.DashboardPath}/servers", "/admin/account/two-factor",
        ];
        var page = await app.NewTabAsync();
        var watch = await PolicyWatch.AttachAsync(page);

        foreach (var path in publicPages)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(path == "/no-such-page" ? 404 : 200, response!.Status);
        }

        await page.GotoAsync("/admin/login");
        await BrowserPortalApp.SignInAsync(page, admin);
        foreach (var path in adminPages)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.EndsWith(path, page.Url);
        }

        // The authenticator QR code is a data: image; the policy must let it show.
        var qrWidth = await page.Locator("img[alt*='QR code']").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.True(qrWidth > 0, "The QR code image did not load");
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

        output.WriteLine($"pages checked: {publicPages.Length + adminPages.Length} ({publicPages.Length} public, {adminPages.Length} admin), "
            + $"CSP violations on them: {violationsOnSitePages}; injected inline script ran: {(ran ? "yes" : "no")}, "
            + $"violations reported for it: {watch.Violations.Count}");
        await page.Context.CloseAsync();
    }
}
