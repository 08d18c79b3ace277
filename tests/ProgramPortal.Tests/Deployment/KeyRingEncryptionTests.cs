using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Deployment;

/// <summary>
/// In Production the data-protection keys (which sign staff cookies, antiforgery tokens and
/// unsubscribe links) are stored encrypted with the operator's certificate, so a database dump
/// alone cannot forge any of them; without the certificate nothing starts.
/// </summary>
public class KeyRingEncryptionTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    private const string Admin = "keyring-admin@programportal.test";
    private const string Password = "Key-Ring-Admin-2026";
    private const string WhatToSet = "set DataProtection__CertificatePath to a .pfx certificate with its private key, "
        + "and DataProtection__CertificatePassword to its password";

    private static readonly Dictionary<string, string?> WithoutCertificate = new()
    {
        ["DataProtection__CertificatePath"] = null,
        ["DataProtection__CertificatePassword"] = null,
        ["PORTAL_ADMIN_EMAIL"] = Admin,
        ["PORTAL_ADMIN_PASSWORD"] = Password,
    };

    [Fact]
    public async Task In_production_the_key_ring_is_stored_encrypted_with_the_operators_certificate_and_nothing_starts_without_it()
    {
        await using (var migrate = PortalInstance.Launch(database.ConnectionString, WithoutCertificate, "migrate"))
        {
            // Migrating an empty database comes first, and takes a while on a busy machine.
            Assert.NotEqual(0, await migrate.WaitForExitAsync(TimeSpan.FromMinutes(4)));
            Assert.Contains(WhatToSet, migrate.OutputText);
        }

        await using (var db = database.NewDbContext())
        {
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
        }

        await PortalProcess.MigrateAsync(database.ConnectionString,
            new Dictionary<string, string?> { ["PORTAL_ADMIN_EMAIL"] = Admin, ["PORTAL_ADMIN_PASSWORD"] = Password });
        await using (var db = database.NewDbContext())
        {
            var stored = await db.DataProtectionKeys.Select(key => key.Xml).SingleAsync();
            Assert.Contains("<encryptedSecret", stored);
            Assert.DoesNotContain("<masterKey", stored);
        }

        await using (var site = PortalInstance.Launch(database.ConnectionString, WithoutCertificate))
        {
            Assert.NotEqual(0, await site.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains(WhatToSet, site.OutputText);
        }

        // One after the other: two cold starts at once can outlast the start-up wait on a busy machine.
        await using var first = await PortalInstance.StartAsync(database.ConnectionString);
        await using var second = await PortalInstance.StartAsync(database.ConnectionString);
        var cookies = new CookieContainer();
        using var onFirst = new StaffBrowser(first.CreateClient(cookies));
        using var onSecond = new StaffBrowser(second.CreateClient(cookies));
        Assert.DoesNotContain("/admin/login", (await onFirst.SignInAsync(Admin, Password)).Path);

        var page = await onSecond.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/admin", page.Path);
    }
}
