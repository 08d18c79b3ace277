using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProgramPortal.Identity;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Intent methods for tests of the admin area: staff accounts, real sign-in, captured mail.</summary>
public static class StaffSessions
{
    public const string Password = "Correct-Horse-42";

    /// <summary>HTTPS, because the staff cookies are Secure; redirects are followed by <see cref="StaffBrowser"/>.</summary>
    public static StaffBrowser NewBrowser(this PortalApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        }));

    public static async Task<string> CreateStaffAsync(this PortalApp app, string email, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }

        return user.Id;
    }

    /// <summary>Signs in through the real login page, antiforgery token and all.</summary>
    public static async Task<BrowserPage> SignInAsync(this StaffBrowser browser, string email, string password = Password)
    {
        var login = await browser.GetAsync("/admin/login");
        return await browser.SubmitAsync(login, fields: [("Input.Email", email), ("Input.Password", password)]);
    }

    /// <summary>A new staff member with the given role (none for an account without roles), signed in.</summary>
    public static async Task<StaffBrowser> LoginAsAsync(this PortalApp app, string? role)
    {
        var email = $"{role?.ToLowerInvariant() ?? "norole"}-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(email, role is null ? [] : [role]);
        var browser = app.NewBrowser();
        var landed = await browser.SignInAsync(email);
        Assert.DoesNotContain("/admin/login", landed.Path);
        return browser;
    }

    /// <summary>The messages the app wrote to its pickup directory for this address.</summary>
    public static IReadOnlyList<MimeMessage> MailTo(this PortalApp app, string email) =>
        [.. Directory.GetFiles(app.MailDirectory, "*.eml")
            .Order()
            .Select(file => MimeMessage.Load(file))
            .Where(message => message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The one message for this address, waiting while the Hangfire job that sends it runs.</summary>
    public static async Task<MimeMessage> WaitForMailToAsync(this PortalApp app, string email)
    {
        await Poll.UntilAsync(() => app.MailTo(email).Count > 0, TimeSpan.FromSeconds(30), () => $"No email to {email} arrived");
        return Assert.Single(app.MailTo(email));
    }

    /// <summary>
    /// Signs in by posting the login form itself and returns the staff cookie as a Cookie header, to
    /// play someone who copied it out of this browser.
    /// </summary>
    public static async Task<string> SignInCopyingCookieAsync(this StaffBrowser browser, string email)
    {
        var login = await browser.GetAsync("/admin/login");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = StaffBrowser.AntiforgeryToken(login),
        });
        using var response = await browser.Client.PostAsync("/admin/login", content);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("portal.staff", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
    }

    /// <summary>A client with no cookie jar that sends exactly this Cookie header and follows no redirects.</summary>
    public static HttpClient ClientWithCookie(this PortalApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>The path and query of the first link in a message, to follow it in the browser.</summary>
    public static string LinkIn(MimeMessage message) => LinkUrlIn(message).PathAndQuery;

    /// <summary>The first link in a message, exactly as the recipient sees it.</summary>
    public static Uri LinkUrlIn(MimeMessage message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+");
        Assert.True(match.Success, "No link in: " + message.TextBody);
        return new Uri(match.Value);
    }
}
