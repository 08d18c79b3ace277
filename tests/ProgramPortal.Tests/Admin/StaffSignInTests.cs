using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ProgramPortal.Areas.Admin.Pages.SignIn;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

public class StaffSignInTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_admin_area_sends_anonymous_visitors_to_the_login_page()
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync("/admin/content/faq");

        Assert.StartsWith("/admin/login", page.Path);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fcontent%2Ffaq", page.Path);
    }

    [Fact]
    public async Task A_staff_member_signs_in_and_the_cookie_is_secure_httponly_and_strict()
    {
        await app.CreateStaffAsync("cookie@staff.test", StaffRoles.Editor);
        using var browser = app.NewBrowser();
        var login = await browser.GetAsync("/admin/login");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "cookie@staff.test",
            ["Input.Password"] = StaffSessions.Password,
            ["__RequestVerificationToken"] = StaffBrowser.AntiforgeryToken(login),
        });

        using var response = await browser.Client.PostAsync("/admin/login", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.staff="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var dashboard = await browser.GetAsync("/admin");
        Assert.Equal("/admin", dashboard.Path);
        Assert.Contains("Sources to check", dashboard.Text);

        var signedOut = await browser.SubmitAsync(dashboard, "form.signout");
        Assert.Contains("You are signed out.", signedOut.Text);
        Assert.StartsWith("/admin/login", (await browser.GetAsync("/admin")).Path);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_rejected()
    {
        await app.CreateStaffAsync("forged@staff.test", StaffRoles.Editor);
        using var browser = app.NewBrowser();
        await browser.GetAsync("/admin/login");

        using var response = await browser.Client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "forged@staff.test",
            ["Input.Password"] = StaffSessions.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.staff=")));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_message_never_reveals_whether_it_exists()
    {
        await app.CreateStaffAsync("lockme@staff.test", StaffRoles.Editor);
        using var browser = app.NewBrowser();

        var unknown = await browser.SignInAsync("nobody@staff.test", "Wrong-Password-1");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await browser.SignInAsync("lockme@staff.test", "Wrong-Password-1");
            Assert.Contains(ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel.Failed, wrong.Text);
        }

        var rightButLocked = await browser.SignInAsync("lockme@staff.test");

        Assert.StartsWith("/admin/login", rightButLocked.Path);
        Assert.Contains(ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel.Failed, rightButLocked.Text);
        Assert.Contains(ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel.Failed, unknown.Text);
        await using var db = app.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "lockme@staff.test");
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);
        var id = await app.CreateStaffAsync("leaver@staff.test", StaffRoles.Editor);
        var member = await admin.GetAsync($"/admin/staff/{id}");

        var disabled = await admin.SubmitAsync(member, "form[action*=Disable]");

        Assert.Contains("The account is disabled", disabled.Text);
        using var browser = app.NewBrowser();
        var attempt = await browser.SignInAsync("leaver@staff.test");
        Assert.StartsWith("/admin/login", attempt.Path);
        Assert.Contains(ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel.Failed, attempt.Text);
    }

    [Fact]
    public async Task An_invited_staff_member_sets_a_password_from_the_email_and_signs_in_with_their_role()
    {
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);
        var invite = await admin.GetAsync("/admin/staff/invite");

        var sent = await admin.SubmitAsync(invite, fields:
            [("Input.Email", "newcomer@staff.test"), ("Input.DisplayName", "New Comer"), ("Input.Roles", StaffRoles.Editor)]);

        Assert.Contains("Invited. The invitation email is on its way", sent.Text);
        var mail = await app.WaitForMailToAsync("newcomer@staff.test");
        var link = StaffSessions.LinkIn(mail);
        Assert.StartsWith("/admin/accept-invitation?", link);

        using var newcomer = app.NewBrowser();
        var welcome = await newcomer.GetAsync(link);
        Assert.Contains("Welcome: choose your password", welcome.Text);
        var set = await newcomer.SubmitAsync(welcome, fields:
            [("Input.Password", "Brand-New-Pass-7"), ("Input.ConfirmPassword", "Brand-New-Pass-7")]);
        Assert.Contains("Your password is set", set.Text);

        var signedIn = await newcomer.SignInAsync("newcomer@staff.test", "Brand-New-Pass-7");
        Assert.Equal("/admin", signedIn.Path);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/admin/content/faq")).Status);
        Assert.StartsWith("/admin/denied", (await newcomer.GetAsync("/admin/staff")).Path);

        // The link works once.
        var reused = await newcomer.SubmitAsync(await newcomer.GetAsync(link), fields:
            [("Input.Password", "Another-Pass-88"), ("Input.ConfirmPassword", "Another-Pass-88")]);
        Assert.Contains(StaffAccounts.InvalidLink, reused.Text);
    }

    [Fact]
    public async Task Password_reset_answers_the_same_for_unknown_addresses_and_mails_a_working_link_to_staff()
    {
        await app.CreateStaffAsync("forgetful@staff.test", StaffRoles.Admissions);
        using var browser = app.NewBrowser();

        var forUnknown = await browser.SubmitAsync(await browser.GetAsync("/admin/forgot-password"), fields: [("Input.Email", "stranger@staff.test")]);
        var forStaff = await browser.SubmitAsync(await browser.GetAsync("/admin/forgot-password"), fields: [("Input.Email", "forgetful@staff.test")]);

        Assert.Contains(ForgotPasswordModel.Sent, forUnknown.Text);
        Assert.Contains(ForgotPasswordModel.Sent, forStaff.Text);
        var link = StaffSessions.LinkIn(await app.WaitForMailToAsync("forgetful@staff.test"));
        Assert.Empty(app.MailTo("stranger@staff.test"));
        Assert.StartsWith("/admin/reset-password?", link);

        var reset = await browser.SubmitAsync(await browser.GetAsync(link), fields:
            [("Input.Password", "Remembered-Now-9"), ("Input.ConfirmPassword", "Remembered-Now-9")]);
        Assert.Contains("Your password is set", reset.Text);
        Assert.StartsWith("/admin/login", (await browser.SignInAsync("forgetful@staff.test")).Path);
        Assert.Equal("/admin", (await browser.SignInAsync("forgetful@staff.test", "Remembered-Now-9")).Path);
    }

    [Fact]
    public async Task Staff_turn_on_an_authenticator_app_and_then_sign_in_with_its_code()
    {
        await app.CreateStaffAsync("careful@staff.test", StaffRoles.Editor);
        using var browser = app.NewBrowser();
        await browser.SignInAsync("careful@staff.test");
        var setup = await browser.GetAsync("/admin/account/two-factor");
        var key = setup.Document.QuerySelector(".shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("img[alt*=QR]")!.GetAttribute("src"));

        var wrong = await browser.SubmitAsync(setup, fields: [("Input.Code", "000000")]);
        Assert.Contains("That code did not match", wrong.Text);
        var enabled = await browser.SubmitAsync(setup, fields: [("Input.Code", Totp(key))]);
        Assert.Contains("Two-factor sign-in is on", enabled.Text);

        using var later = app.NewBrowser();
        var askedForCode = await later.SignInAsync("careful@staff.test");
        Assert.StartsWith("/admin/login-2fa", askedForCode.Path);
        Assert.StartsWith("/admin/login", (await later.GetAsync("/admin")).Path);
        var badCode = await later.SubmitAsync(askedForCode, fields: [("Input.Code", "123456")]);
        Assert.Contains("That code did not work", badCode.Text);
        // The code turned two-factor on and works once; the app's next code is the one to sign in with.
        var signedIn = await later.SubmitAsync(badCode, fields: [("Input.Code", Totp(key, DateTime.UtcNow.AddSeconds(30)))]);
        Assert.Equal("/admin", signedIn.Path);
    }

    [Fact]
    public async Task When_an_admin_requires_two_factor_staff_without_it_are_sent_to_set_it_up()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);
        try
        {
            var settings = await admin.GetAsync("/admin/staff/settings");
            var saved = await admin.SubmitAsync(settings, fields: [("Input.RequireTwoFactor", "true")]);
            Assert.Contains("Two-factor sign-in is now required", saved.Text);

            var blocked = await editor.GetAsync("/admin/content/faq");
            Assert.Equal("/admin/account/two-factor?required=true", blocked.Path);
            Assert.Contains("An Admin requires two-factor sign-in", blocked.Text);

            var key = blocked.Document.QuerySelector(".shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
            await editor.SubmitAsync(blocked, fields: [("Input.Code", Totp(key))]);
            Assert.Equal("/admin/content/faq", (await editor.GetAsync("/admin/content/faq")).Path);
        }
        finally
        {
            await using var db = app.NewDbContext();
            await db.StaffSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.RequireTwoFactor, false));
        }
    }

    [Fact]
    public async Task The_create_admin_command_creates_an_admin_and_later_resets_its_password()
    {
        var environment = new Dictionary<string, string?> { ["PORTAL_ADMIN_PASSWORD"] = "Server-Admin-Pass-1" };
        var created = await PortalProcess.RunVerbAsync(app.ConnectionString, ["create-admin", "ops@staff.test"], environment);
        Assert.Contains("ops@staff.test is an active Admin", created);

        using var browser = app.NewBrowser();
        Assert.Equal("/admin", (await browser.SignInAsync("ops@staff.test", "Server-Admin-Pass-1")).Path);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/staff")).Status);

        environment["PORTAL_ADMIN_PASSWORD"] = "Server-Admin-Pass-2";
        await PortalProcess.RunVerbAsync(app.ConnectionString, ["create-admin", "ops@staff.test"], environment);
        using var again = app.NewBrowser();
        Assert.StartsWith("/admin/login", (await again.SignInAsync("ops@staff.test", "Server-Admin-Pass-1")).Path);
        Assert.Equal("/admin", (await again.SignInAsync("ops@staff.test", "Server-Admin-Pass-2")).Path);
    }

    private static string Totp(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    private static string Totp(string base32Key, DateTime at) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(at);
}
