using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;
using LoginModel = ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel;

namespace ProgramPortal.Tests.Security;

/// <summary>Codes from the authenticator app: each works once, and the second factor is only set up or removed with one.</summary>
public class AuthenticatorCodeTests(SignInPortalApp app) : IClassFixture<SignInPortalApp>
{
    private const string Refused = "That code did not work";

    [Fact]
    public async Task A_code_that_signed_in_once_is_refused_for_a_second_sign_in_within_its_30_seconds()
    {
        var key = await StaffWithTwoFactorAsync("replay@staff.test");
        app.NextCode();
        using var first = app.NewBrowser();
        using var second = app.NewBrowser();
        var firstAsked = await first.SignInAsync("replay@staff.test");
        var secondAsked = await second.SignInAsync("replay@staff.test");
        var code = app.CodeFor(key);

        var signedIn = await first.SubmitAsync(firstAsked, fields: [("Input.Code", code)]);
        var replayed = await second.SubmitAsync(secondAsked, fields: [("Input.Code", code)]);

        Assert.Equal("/admin", signedIn.Path);
        Assert.StartsWith("/admin/login-2fa", replayed.Path);
        Assert.Contains(Refused, replayed.Text);
        app.NextCode();
        Assert.Equal("/admin", (await second.SubmitAsync(replayed, fields: [("Input.Code", app.CodeFor(key))])).Path);
    }

    [Fact]
    public async Task Two_sign_ins_sending_the_same_code_at_the_same_moment_let_only_one_in()
    {
        var key = await StaffWithTwoFactorAsync("twice@staff.test");
        app.NextCode();
        using var first = app.NewBrowser();
        using var second = app.NewBrowser();
        var asked = new[] { await first.SignInAsync("twice@staff.test"), await second.SignInAsync("twice@staff.test") };
        var code = app.CodeFor(key);

        var answers = await Task.WhenAll(
            first.SubmitAsync(asked[0], fields: [("Input.Code", code)]),
            second.SubmitAsync(asked[1], fields: [("Input.Code", code)]));

        Assert.Single(answers, answer => answer.Path == "/admin");
        Assert.Single(answers, answer => answer.Text.Contains(Refused));
    }

    [Fact]
    public async Task Turning_two_factor_off_asks_for_a_current_code()
    {
        var key = await StaffWithTwoFactorAsync("keepit@staff.test");
        using var browser = app.NewBrowser();
        app.NextCode();
        await browser.SubmitAsync(await browser.SignInAsync("keepit@staff.test"), fields: [("Input.Code", app.CodeFor(key))]);
        var page = await browser.GetAsync("/admin/account/two-factor");

        var withoutCode = await browser.SubmitAsync(page, fields: [("Input.Code", "")]);
        var wrongCode = await browser.SubmitAsync(page, fields: [("Input.Code", "000000")]);
        // The code that signed in has been used; the next one turns two-factor off.
        var reused = await browser.SubmitAsync(page, fields: [("Input.Code", app.CodeFor(key))]);

        Assert.Contains("field is required", withoutCode.FieldError("Input.Code"));
        Assert.Contains("That code did not match", wrongCode.FieldError("Input.Code"));
        Assert.Contains("That code did not match", reused.FieldError("Input.Code"));
        Assert.True(await TwoFactorEnabledAsync("keepit@staff.test"));
        app.NextCode();
        var off = await browser.SubmitAsync(page, fields: [("Input.Code", app.CodeFor(key))]);
        Assert.Contains("Two-factor sign-in is off", off.Text);
        Assert.False(await TwoFactorEnabledAsync("keepit@staff.test"));
    }

    [Fact]
    public async Task When_two_factor_is_required_an_invited_member_sets_up_the_app_while_accepting_the_invitation()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var invited = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .InviteAsync("enrol@staff.test", "New Comer", [StaffRoles.Editor]);
            Assert.True(invited.Succeeded);
        }

        await RequireTwoFactorAsync(true);
        try
        {
            using var newcomer = app.NewBrowser();
            var welcome = await newcomer.GetAsync(StaffSessions.LinkIn(await app.WaitForMailToAsync("enrol@staff.test")));
            var key = welcome.Document.QuerySelector(".shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
            Assert.StartsWith("data:image/png;base64,", welcome.Document.QuerySelector("img[alt*=QR]")!.GetAttribute("src"));

            var withoutCode = await newcomer.SubmitAsync(welcome, fields:
                [("Input.Password", "Brand-New-Pass-7"), ("Input.ConfirmPassword", "Brand-New-Pass-7")]);
            Assert.Contains("That code did not match", withoutCode.Text);
            Assert.Contains(LoginModel.Failed, (await newcomer.SignInAsync("enrol@staff.test", "Brand-New-Pass-7")).Text);

            var set = await newcomer.SubmitAsync(welcome, fields:
                [("Input.Password", "Brand-New-Pass-7"), ("Input.ConfirmPassword", "Brand-New-Pass-7"), ("Input.AuthenticatorCode", app.CodeFor(key))]);
            Assert.Contains("Your password and two-factor sign-in are set", set.Text);
            var asked = await newcomer.SignInAsync("enrol@staff.test", "Brand-New-Pass-7");
            Assert.StartsWith("/admin/login-2fa", asked.Path);
            app.NextCode();
            Assert.Equal("/admin", (await newcomer.SubmitAsync(asked, fields: [("Input.Code", app.CodeFor(key))])).Path);
        }
        finally
        {
            await RequireTwoFactorAsync(false);
        }
    }

    [Fact]
    public async Task When_two_factor_is_required_an_admin_without_it_is_sent_to_set_it_up_instead_of_the_jobs_dashboard()
    {
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);
        Assert.Equal("/admin/jobs", (await admin.GetAsync("/admin/jobs")).Path);
        await RequireTwoFactorAsync(true);
        try
        {
            var sent = await admin.GetAsync("/admin/jobs");

            Assert.Equal(TwoFactorRequirementFilter.SetupRedirect, sent.Path);
            var key = sent.Document.QuerySelector(".shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
            await admin.SubmitAsync(sent, fields: [("Input.Code", app.CodeFor(key))]);
            var dashboard = await admin.GetAsync("/admin/jobs");
            Assert.Equal("/admin/jobs", dashboard.Path);
            Assert.Contains("Hangfire", dashboard.Html);
        }
        finally
        {
            await RequireTwoFactorAsync(false);
        }
    }

    /// <summary>A staff member who has set up their authenticator app; returns the app's key.</summary>
    private async Task<string> StaffWithTwoFactorAsync(string email)
    {
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        using var browser = app.NewBrowser();
        await browser.SignInAsync(email);
        var setup = await browser.GetAsync("/admin/account/two-factor");
        var key = setup.Document.QuerySelector(".shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        Assert.Contains("Two-factor sign-in is on", (await browser.SubmitAsync(setup, fields: [("Input.Code", app.CodeFor(key))])).Text);
        return key;
    }

    private async Task<bool> TwoFactorEnabledAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync();
    }

    private async Task RequireTwoFactorAsync(bool required)
    {
        await using var db = app.NewDbContext();
        var settings = await StaffSettings.LoadAsync(db);
        settings.RequireTwoFactor = required;
        await db.SaveChangesAsync();
    }
}
