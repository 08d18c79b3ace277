using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using LoginModel = ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel;

namespace ProgramPortal.Tests.Security;

/// <summary>
/// Someone probing the sign-in and reset pages learns nothing from how long an answer takes, and an
/// old or used reset link opens nothing.
/// </summary>
public class AccountProbingTests(SignInPortalApp app, ITestOutputHelper output) : IClassFixture<SignInPortalApp>
{
    [Fact]
    public async Task Unknown_disabled_and_locked_accounts_cost_the_same_password_check_as_a_real_one()
    {
        await app.CreateStaffAsync("known@staff.test", StaffRoles.Editor);
        await app.CreateStaffAsync("disabled@staff.test", StaffRoles.Editor);
        await app.CreateStaffAsync("locked@staff.test", StaffRoles.Editor);
        await using (var db = app.NewDbContext())
        {
            await db.Users.Where(u => u.Email == "disabled@staff.test").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
            await db.Users.Where(u => u.Email == "locked@staff.test")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15)));
        }

        using var prober = app.NewBrowser();
        var checks = new Dictionary<string, int>();
        foreach (var email in new[] { "known@staff.test", "nobody@staff.test", "disabled@staff.test", "locked@staff.test" })
        {
            var before = app.Hasher.Checks;
            var answer = await prober.SignInAsync(email, "Wrong-Password-1");
            Assert.Contains(LoginModel.Failed, answer.Text);
            checks[email] = app.Hasher.Checks - before;
        }

        output.WriteLine("password checks per sign-in: " + string.Join(", ", checks.Select(c => $"{c.Key} {c.Value}")));
        Assert.All(checks, check => Assert.Equal(1, check.Value));
    }

    [Fact]
    public async Task A_reset_link_sets_the_password_once_and_a_second_use_is_refused()
    {
        await app.CreateStaffAsync("once@staff.test", StaffRoles.Admissions);
        using var browser = app.NewBrowser();
        await browser.SubmitAsync(await browser.GetAsync("/admin/forgot-password"), fields: [("Input.Email", "once@staff.test")]);
        var link = StaffSessions.LinkIn(await app.WaitForMailToAsync("once@staff.test"));

        var first = await browser.SubmitAsync(await browser.GetAsync(link), fields:
            [("Input.Password", "Remembered-Now-9"), ("Input.ConfirmPassword", "Remembered-Now-9")]);
        var second = await browser.SubmitAsync(await browser.GetAsync(link), fields:
            [("Input.Password", "Somebody-Else-8"), ("Input.ConfirmPassword", "Somebody-Else-8")]);

        Assert.Contains("Your password is set", first.Text);
        Assert.Contains(StaffAccounts.InvalidLink, second.Text);
        Assert.Equal("/admin", (await browser.SignInAsync("once@staff.test", "Remembered-Now-9")).Path);
    }

    [Fact]
    public async Task A_reset_link_works_for_an_hour_and_not_after()
    {
        await app.CreateStaffAsync("fresh@staff.test", StaffRoles.Admissions);
        await app.CreateStaffAsync("stale@staff.test", StaffRoles.Admissions);
        var fresh = await ResetLinkMadeAgoAsync("fresh@staff.test", TimeSpan.FromMinutes(59));
        var stale = await ResetLinkMadeAgoAsync("stale@staff.test", TimeSpan.FromMinutes(61));
        using var browser = app.NewBrowser();

        var usedFresh = await browser.SubmitAsync(await browser.GetAsync(fresh), fields:
            [("Input.Password", "Remembered-Now-9"), ("Input.ConfirmPassword", "Remembered-Now-9")]);
        var usedStale = await browser.SubmitAsync(await browser.GetAsync(stale), fields:
            [("Input.Password", "Remembered-Now-9"), ("Input.ConfirmPassword", "Remembered-Now-9")]);

        Assert.Contains("Your password is set", usedFresh.Text);
        Assert.Contains(StaffAccounts.InvalidLink, usedStale.Text);
    }

    [Fact]
    public async Task A_new_password_from_the_list_of_most_common_ones_is_refused_with_a_reason()
    {
        await app.CreateStaffAsync("common@staff.test", StaffRoles.Admissions);
        using var browser = app.NewBrowser();
        await browser.SubmitAsync(await browser.GetAsync("/admin/forgot-password"), fields: [("Input.Email", "common@staff.test")]);
        var link = StaffSessions.LinkIn(await app.WaitForMailToAsync("common@staff.test"));
        var form = await browser.GetAsync(link);

        // Long enough and mixed in case and digits, but among the most common passwords.
        var common = await browser.SubmitAsync(form, fields: [("Input.Password", "Qwerty123456"), ("Input.ConfirmPassword", "Qwerty123456")]);
        var own = await browser.SubmitAsync(form, fields: [("Input.Password", "Harbour-Lamp-61"), ("Input.ConfirmPassword", "Harbour-Lamp-61")]);

        Assert.Contains(CommonPasswords.Refusal, common.Text);
        Assert.Contains("Your password is set", own.Text);
    }

    /// <summary>
    /// A reset link as the portal would have emailed it the given time ago. The token format is
    /// Identity's (creation time, user id, purpose, security stamp) under the reset provider's protector.
    /// </summary>
    private async Task<string> ResetLinkMadeAgoAsync(string email, TimeSpan age)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(PasswordResetTokens.ProviderName);
        using var data = new MemoryStream();
        await using (var writer = new BinaryWriter(data, new UTF8Encoding(false), leaveOpen: true))
        {
            writer.Write((DateTimeOffset.UtcNow - age).UtcTicks);
            writer.Write(user.Id);
            writer.Write(UserManager<StaffUser>.ResetPasswordTokenPurpose);
            writer.Write(user.SecurityStamp!);
        }

        var token = Convert.ToBase64String(protector.Protect(data.ToArray()));
        return $"/admin/reset-password?email={Uri.EscapeDataString(email)}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
    }
}
