using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using LoginModel = ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel;

namespace ProgramPortal.Tests.Security;

/// <summary>
/// Guesses sent all at once, each from its own session as a botnet would send them: however the
/// requests interleave, no more passwords or codes are checked than the lockout allows.
/// </summary>
public class ParallelGuessingTests(SignInPortalApp app, ITestOutputHelper output) : IClassFixture<SignInPortalApp>
{
    private const int Burst = 60;
    private const int Attempts = 5;

    [Fact]
    public async Task Sixty_wrong_passwords_at_once_get_five_checked_and_lock_the_account()
    {
        const string email = "burst@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        var hash = await PasswordHashAsync(email);
        var forms = await LoginFormsAsync(Burst);

        var answers = await Task.WhenAll(forms.Select((form, i) => Guess(form, email, $"Guess-number-{i}")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.All(answers, answer => Assert.Contains(LoginModel.Failed, answer.Text));
        Assert.Equal(Attempts, app.Hasher.ChecksOf(hash));
        Assert.True(await LockoutEndAsync(email) > app.Clock.GetUtcNow().AddMinutes(14), "The account is not locked");
        output.WriteLine($"passwords checked per burst of {Burst} wrong ones: {app.Hasher.ChecksOf(hash)}, account locked: yes");
        forms.ForEach(form => form.Browser.Dispose());
    }

    [Fact]
    public async Task The_right_password_arriving_while_five_guesses_are_being_checked_is_refused_and_the_account_locks()
    {
        const string email = "held@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        var hash = await PasswordHashAsync(email);
        var forms = await LoginFormsAsync(Burst);
        var guesses = forms.Take(Burst - 1).ToList();
        var owner = forms[^1];

        Task<BrowserPage[]> wrong;
        BrowserPage right;
        using (app.Hasher.Hold(hash))
        {
            // The checks of this account's password wait in the hasher, so every guess is either
            // being checked or already answered before the owner's request comes in.
            var posts = guesses.Select((form, i) => Guess(form, email, $"Guess-number-{i}")).ToList();
            wrong = Task.WhenAll(posts);
            await Poll.UntilAsync(() => app.Hasher.ChecksOf(hash) + posts.Count(p => p.IsCompleted) >= guesses.Count,
                TimeSpan.FromSeconds(60), () => $"checks {app.Hasher.ChecksOf(hash)}, answered {posts.Count(p => p.IsCompleted)}");
            var ownerPost = Guess(owner, email, StaffSessions.Password);
            await Task.WhenAny(ownerPost, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.True(ownerPost.IsCompleted, "The owner's password was held for a check although every attempt was taken");
            right = await ownerPost;
        }

        var answers = await wrong;
        Assert.All(answers, answer => Assert.Contains(LoginModel.Failed, answer.Text));
        Assert.StartsWith("/admin/login", right.Path);
        Assert.Contains(LoginModel.Failed, right.Text);
        Assert.Equal(Attempts, app.Hasher.ChecksOf(hash));
        Assert.True(await LockoutEndAsync(email) > app.Clock.GetUtcNow().AddMinutes(14), "The account is not locked");
        output.WriteLine($"passwords checked per burst of {Burst} (59 wrong, then the right one): {app.Hasher.ChecksOf(hash)}, "
            + "right one: refused, account locked: yes");
        forms.ForEach(form => form.Browser.Dispose());
    }

    [Fact]
    public async Task Sixty_wrong_authenticator_codes_at_once_get_five_checked_and_lock_the_account()
    {
        const string email = "codes@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        using (var owner = app.NewBrowser())
        {
            await owner.SignInAsync(email);
            var setup = await owner.GetAsync("/admin/account/two-factor");
            var key = setup.Document.QuerySelector(".shared-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
            Assert.Contains("Two-factor sign-in is on", (await owner.SubmitAsync(setup, fields: [("Input.Code", app.CodeFor(key))])).Text);
        }

        var codeForms = new List<(StaffBrowser Browser, BrowserPage Page)>();
        for (var i = 0; i < Burst; i++)
        {
            var attacker = app.NewBrowser();
            var page = await attacker.SignInAsync(email);
            Assert.StartsWith("/admin/login-2fa", page.Path);
            codeForms.Add((attacker, page));
            // The attacker knows the password; each right password holds an attempt until a right code
            // gives it back, so the setup clears them to leave the burst all five.
            await ClearFailuresAsync(email);
        }

        var checksBefore = app.CodeChecks.Count;
        var answers = await Task.WhenAll(codeForms.Select((form, i) =>
            form.Browser.SubmitAsync(form.Page, fields: [("Input.Code", $"{i:000000}")])));
        var checkedCodes = app.CodeChecks.Count - checksBefore;

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.All(answers, answer => Assert.Contains("That code did not work", answer.Text));
        Assert.Equal(Attempts, checkedCodes);
        Assert.True(await LockoutEndAsync(email) > app.Clock.GetUtcNow().AddMinutes(14), "The account is not locked");
        output.WriteLine($"authenticator codes checked per burst of {Burst}: {checkedCodes}, account locked: yes");
        codeForms.ForEach(form => form.Browser.Dispose());
    }

    private async Task<List<(StaffBrowser Browser, BrowserPage Page)>> LoginFormsAsync(int count)
    {
        var forms = new List<(StaffBrowser, BrowserPage)>();
        for (var i = 0; i < count; i++)
        {
            var browser = app.NewBrowser();
            forms.Add((browser, await browser.GetAsync("/admin/login")));
        }

        return forms;
    }

    private static Task<BrowserPage> Guess((StaffBrowser Browser, BrowserPage Page) form, string email, string password) =>
        form.Browser.SubmitAsync(form.Page, fields: [("Input.Email", email), ("Input.Password", password)]);

    private async Task<string> PasswordHashAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync();
    }

    private async Task ClearFailuresAsync(string email)
    {
        await using var db = app.NewDbContext();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, 0));
    }

    private async Task<DateTimeOffset?> LockoutEndAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync();
    }
}
