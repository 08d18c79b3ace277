using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Deployment;

/// <summary>
/// What `docker compose up` does, minus Docker: the compose file's own settings (with their
/// defaults) run the real migrate step on an empty database, then the real site.
/// </summary>
public class ComposeSettingsTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    [Fact]
    public async Task The_compose_defaults_migrate_an_empty_database_create_the_first_admin_and_serve_the_site()
    {
        var compose = RepositoryFiles.Compose();

        await PortalProcess.MigrateAsync(database.ConnectionString, SettingsOf(compose.Service("migrate")));

        await using (var db = database.NewDbContext())
        {
            var admin = await db.Users.SingleAsync();
            Assert.Equal(ComposeFile.WithDefaults(compose.Service("migrate").Environment["PORTAL_ADMIN_EMAIL"]), admin.Email);
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }

        await using var portal = await PortalInstance.StartAsync(database.ConnectionString, SettingsOf(compose.Service("portal")));
        using var client = portal.CreateClient();
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task The_compose_admin_password_is_refused_when_the_migrate_step_runs_outside_development()
    {
        var outside = new EmptyDatabase();
        await outside.InitializeAsync();
        try
        {
            var settings = SettingsOf(RepositoryFiles.Compose().Service("migrate"));
            settings["ConnectionStrings__Portal"] = outside.ConnectionString;
            settings["ASPNETCORE_ENVIRONMENT"] = "Production";

            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(
                () => PortalProcess.MigrateAsync(outside.ConnectionString, settings));

            Assert.Contains("PORTAL_ADMIN_PASSWORD", refusal.Message);
            await using var db = outside.NewDbContext();
            Assert.False(await db.Users.AnyAsync());
        }
        finally
        {
            await outside.DisposeAsync();
        }
    }

    /// <summary>The service's environment as Compose would pass it, but with this test's database.</summary>
    private Dictionary<string, string?> SettingsOf(ComposeService service)
    {
        var settings = service.Environment.ToDictionary(pair => pair.Key, string? (pair) => ComposeFile.WithDefaults(pair.Value));
        settings["ConnectionStrings__Portal"] = database.ConnectionString;
        return settings;
    }
}
