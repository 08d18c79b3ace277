using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Deployment;

/// <summary>
/// Two portal processes on one database, as behind a load balancer. Whatever one instance protects
/// (staff sign-in cookies, antiforgery tokens) must be readable by every other, which holds only
/// if they all use the one key ring kept in PostgreSQL. Here: the key ring itself (a session from
/// another ring is refused, no instance makes keys of its own). What a person does across instances
/// (signing in on one and working on the other, a form opened on one and sent to the other, email
/// jobs run once) is proved end to end in <see cref="Faults.TwoInstancesTests"/>.
/// </summary>
public class SeveralInstancesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_staff_sign_in_is_honoured_by_every_instance_and_one_from_another_key_ring_by_none()
    {
        var started = await Task.WhenAll(
            PortalInstance.StartAsync(app.ConnectionString), PortalInstance.StartAsync(app.ConnectionString));
        await using var first = started[0];
        await using var second = started[1];

        // Signed in by a third instance: the in-memory host over the same database.
        var session = await SignInAsync(app.Services, ticket => ticket.TicketDataFormat);
        var forged = await SignInAsync(app.Services, ticket => new TicketDataFormat(
            new EphemeralDataProtectionProvider().CreateProtector(
                "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2")));

        Assert.True(await RenewsAsync(first, session), first.OutputText);
        Assert.True(await RenewsAsync(second, session), second.OutputText);
        Assert.False(await RenewsAsync(first, forged));
        Assert.False(await RenewsAsync(second, forged));

        // Neither instance made a key of its own at start: the migrate step's key is the only one.
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task Running_migrate_again_for_an_upgrade_keeps_the_key_every_instance_already_uses()
    {
        await using var db = app.NewDbContext();
        var before = await db.DataProtectionKeys.Select(key => key.FriendlyName).SingleAsync();

        await PortalProcess.MigrateAsync(app.ConnectionString);

        Assert.Equal(before, await db.DataProtectionKeys.Select(key => key.FriendlyName).SingleAsync());
    }

    /// <summary>
    /// A staff session cookie, as the sign-in page writes it, but issued nine tenths of its lifetime ago: an
    /// instance that can read it renews it in its response (sliding expiration), one that cannot
    /// ignores it. That renewal is the visible sign the instance accepted the session.
    /// </summary>
    private static async Task<string> SignInAsync(IServiceProvider services,
        Func<CookieAuthenticationOptions, ISecureDataFormat<AuthenticationTicket>> format)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"editor.{Guid.NewGuid():N}@programportal.test";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, "Several-Instances-2026")).Succeeded);

        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync(user);
        var cookie = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        // Well past half its lifetime, so sliding expiration renews it on the next request.
        var issued = DateTimeOffset.UtcNow - cookie.ExpireTimeSpan * 0.9;
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = issued + cookie.ExpireTimeSpan },
            IdentityConstants.ApplicationScheme);
        // Staff sessions live on the server: the cookie holds only the session's key, as the cookie
        // handler writes it when it has a session store.
        var key = await cookie.SessionStore!.StoreAsync(ticket);
        var keyOnly = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionIdClaim, key, ClaimValueTypes.String, cookie.ClaimsIssuer)],
                cookie.ClaimsIssuer)),
            ticket.Properties, IdentityConstants.ApplicationScheme);
        return $"{cookie.Cookie.Name}={format(cookie).Protect(keyOnly)}";
    }

    // The claim CookieAuthenticationHandler puts the session store's key in.
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    private static async Task<bool> RenewsAsync(PortalInstance instance, string sessionCookie)
    {
        using var client = instance.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("Cookie", sessionCookie);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        var cookieName = sessionCookie.Split('=')[0];
        var renewed = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(cookie => cookie.StartsWith(cookieName + "=")).ToList()
            : [];
        // A rejected session whose user is unknown comes back as a deletion (empty value, expired).
        return renewed.Any(cookie => !cookie.StartsWith(cookieName + "=;"));
    }
}
