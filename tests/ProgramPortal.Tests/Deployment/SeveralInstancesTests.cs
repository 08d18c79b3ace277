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
        await app.CreateStaffAsync("several@staff.test", StaffRoles.Admin);
        var session = await app.NewBrowser().SignInCopyingCookieAsync("several@staff.test");
        var forged = ForgedSessionCookie(session);

        Assert.True(await OpensAdminAsync(first, session), first.OutputText);
        Assert.True(await OpensAdminAsync(second, session), second.OutputText);
        Assert.False(await OpensAdminAsync(first, forged));
        Assert.False(await OpensAdminAsync(second, forged));

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
    /// The same session key, protected by a key ring of its own: what a cookie made elsewhere (another
    /// deployment, an attacker without the keys) looks like.
    /// </summary>
    private string ForgedSessionCookie(string session)
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var key = cookie.TicketDataFormat.Unprotect(session.Split('=', 2)[1])!;
        var foreign = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector(
            "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IdentityConstants.ApplicationScheme, "v2"));
        return $"{cookie.Cookie.Name}={foreign.Protect(key)}";
    }

    /// <summary>Whether the instance lets this staff session into the admin area rather than sending it to sign in.</summary>
    private static async Task<bool> OpensAdminAsync(PortalInstance instance, string sessionCookie)
    {
        using var client = instance.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", sessionCookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode == System.Net.HttpStatusCode.OK;
    }
}
