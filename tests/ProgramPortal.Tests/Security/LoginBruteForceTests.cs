using Microsoft.EntityFrameworkCore;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using LoginModel = ProgramPortal.Areas.Admin.Pages.SignIn.LoginModel;

namespace ProgramPortal.Tests.Security;

/// <summary>Password guessing at the staff login, one by one and all at once: it meets the lockout, never an error.</summary>
public class LoginBruteForceTests(PortalApp app, ITestOutputHelper output) : IClassFixture<PortalApp>
{
    private const int Guesses = 20;

    [Fact]
    public async Task Twenty_wrong_passwords_in_a_row_lock_the_account_and_the_right_one_is_refused_while_locked()
    {
        const string email = "target@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Admin);
        using var attacker = app.NewBrowser();
        var statuses = new List<int>();
        int? lockedAfter = null;

        for (var guess = 1; guess <= Guesses; guess++)
        {
            var answer = await attacker.SignInAsync(email, $"Guess-number-{guess}");
            statuses.Add((int)answer.Status);
            Assert.Contains(LoginModel.Failed, answer.Text);
            lockedAfter ??= await LockoutEndAsync(email) > DateTimeOffset.UtcNow ? guess : null;
        }

        for (var guess = 1; guess <= Guesses; guess++)
        {
            var answer = await attacker.SignInAsync("nobody@staff.test", $"Guess-number-{guess}");
            statuses.Add((int)answer.Status);
            Assert.Contains(LoginModel.Failed, answer.Text);
        }

        var right = await attacker.SignInAsync(email);
        statuses.Add((int)right.Status);

        Assert.StartsWith("/admin/login", right.Path);
        Assert.Contains(LoginModel.Failed, right.Text);
        Assert.Equal(5, lockedAfter);
        var lockedFor = await LockoutEndAsync(email) - DateTimeOffset.UtcNow;
        Assert.InRange(lockedFor!.Value.TotalMinutes, 14, 15);
        Assert.All(statuses, status => Assert.Equal(200, status));
        output.WriteLine($"wrong passwords: {Guesses} on the account + {Guesses} on an unknown address, locked after: {lockedAfter}, "
            + $"locked for: {lockedFor.Value.TotalMinutes:0} min, right password while locked: refused, "
            + $"responses: {statuses.Count}, responses >= 500: {statuses.Count(s => s >= 500)}");
    }

    [Fact]
    public async Task Twenty_wrong_passwords_at_once_lock_the_account_without_a_single_error()
    {
        const string email = "stampede@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        // Each guess from its own session with its own antiforgery token, as a botnet would send them.
        var attackers = new List<StaffBrowser>();
        var forms = new List<BrowserPage>();
        for (var i = 0; i < Guesses; i++)
        {
            var attacker = app.NewBrowser();
            attackers.Add(attacker);
            forms.Add(await attacker.GetAsync("/admin/login"));
        }

        var answers = await Task.WhenAll(attackers.Select((attacker, i) =>
            attacker.SubmitAsync(forms[i], fields: [("Input.Email", email), ("Input.Password", $"Guess-number-{i}")])));
        using var owner = app.NewBrowser();
        var right = await owner.SignInAsync(email);

        var statuses = answers.Select(a => (int)a.Status).Append((int)right.Status).ToList();
        Assert.All(answers, answer => Assert.Contains(LoginModel.Failed, answer.Text));
        Assert.StartsWith("/admin/login", right.Path);
        Assert.True(await LockoutEndAsync(email) > DateTimeOffset.UtcNow.AddMinutes(14), "The account is not locked");
        Assert.All(statuses, status => Assert.Equal(200, status));
        output.WriteLine($"simultaneous wrong passwords: {Guesses}, refused: {answers.Count(a => a.Text.Contains(LoginModel.Failed))}, "
            + $"account locked: yes, right password afterwards: refused, responses >= 500: {statuses.Count(s => s >= 500)}");
        attackers.ForEach(attacker => attacker.Dispose());
    }

    private async Task<DateTimeOffset?> LockoutEndAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync();
    }
}
