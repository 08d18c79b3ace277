using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

/// <summary>Staff sessions live on the server: what ends one, and how long one may last. The fake clock plays the hours.</summary>
public class StaffSessionTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task A_cookie_copied_before_signing_out_no_longer_opens_the_admin_area()
    {
        var email = $"copied-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        using var browser = StaffSessions.NewBrowser(app);
        var cookie = await browser.SignInCopyingCookieAsync(email);
        using var thief = app.ClientWithCookie(cookie);
        using (var before = await thief.GetAsync("/admin/content/email-templates"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var signedOut = await browser.SubmitAsync(await browser.GetAsync("/admin"), "form.signout");
        Assert.Contains("You are signed out.", signedOut.Text);

        foreach (var path in new[] { "/admin", "/admin/content/email-templates" })
        {
            using var after = await thief.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/admin/login", after.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task An_admin_sees_who_is_signed_in_and_ends_a_session_and_that_browser_is_signed_out()
    {
        var email = $"ended-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Admissions);
        using var member = StaffSessions.NewBrowser(app);
        member.Client.DefaultRequestHeaders.UserAgent.ParseAdd("SessionTestBrowser/1.0");
        Assert.Equal("/admin", (await member.SignInAsync(email)).Path);
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);

        var sessions = await admin.GetAsync("/admin/staff/sessions");
        var row = sessions.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email));
        Assert.Contains("SessionTestBrowser/1.0", row.TextContent);
        var ended = await admin.SubmitAsync(sessions, $"form[action='{row.QuerySelector("form")!.GetAttribute("action")}']");

        Assert.Contains("The session is ended", ended.Text);
        Assert.DoesNotContain(email, ended.Text);
        Assert.StartsWith("/admin/login", (await member.GetAsync("/admin/leads")).Path);
        Assert.Equal("/admin/staff/sessions", (await admin.GetAsync("/admin/staff/sessions")).Path);
    }

    [Fact]
    public async Task Disabling_an_account_ends_all_its_sessions_at_once()
    {
        var email = $"leaving-{Guid.NewGuid():N}@staff.test";
        var id = await app.CreateStaffAsync(email, StaffRoles.Editor);
        using var laptop = StaffSessions.NewBrowser(app);
        using var phone = StaffSessions.NewBrowser(app);
        await laptop.SignInAsync(email);
        await phone.SignInAsync(email);
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);

        await admin.SubmitAsync(await admin.GetAsync($"/admin/staff/{id}"), "form[action*=Disable]");

        // No wait for the security stamp check: the very next request is signed out.
        Assert.StartsWith("/admin/login", (await laptop.GetAsync("/admin")).Path);
        Assert.StartsWith("/admin/login", (await phone.GetAsync("/admin")).Path);
        await using var db = app.NewDbContext();
        Assert.False(await db.StaffSessions.AnyAsync(s => s.UserId == id));
    }

    [Fact]
    public async Task A_session_ends_after_its_absolute_lifetime_however_active_it_is()
    {
        var email = $"busy-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        using var browser = StaffSessions.NewBrowser(app);
        await browser.SignInAsync(email);

        // Active every hour: the sliding expiry of 8 hours never runs out.
        for (var hour = 1; hour <= 11; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal("/admin", (await browser.GetAsync("/admin")).Path);
        }

        app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.StartsWith("/admin/login", (await browser.GetAsync("/admin")).Path);
    }

    [Fact]
    public void An_absolute_lifetime_out_of_range_stops_the_app_at_start_with_the_setting_named()
    {
        using var misconfigured = app.WithWebHostBuilder(builder => builder.UseSetting("StaffSessions:AbsoluteLifetime", "00:00:10"));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains("StaffSessions__AbsoluteLifetime", error.Message);
    }
}
