using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The real app in memory over its own database on the shared test server: one per test class
/// (use as IClassFixture), so classes never see each other's data.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;
    public string DatabaseName { get; } = $"test_{Guid.NewGuid():N}";
    public string ConnectionString { get; private set; } = "";
    public string MailDirectory { get; } = Directory.CreateTempSubdirectory("portal-mail-").FullName;

    public virtual async Task InitializeAsync()
    {
        Postgres = await PostgresServer.Shared;
        ConnectionString = await Postgres.CreateDatabaseAsync(DatabaseName);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        // Staff emails go out through Hangfire jobs; a test waits a second for one, not fifteen.
        builder.UseSetting("Jobs:PollInterval", "00:00:01");
        // Every test signs in from the one in-memory client; the limits have tests of their own.
        if (SignInPostsAllowed is { } allowed)
        {
            builder.UseSetting("SignInLimits:PostsPerClient", allowed.ToString());
            builder.UseSetting("SignInLimits:PostsPerAccount", allowed.ToString());
        }
        // The template database's key was written by `migrate` in Production, encrypted with this certificate.
        foreach (var (name, value) in ThrowawayCertificate.Settings())
        {
            builder.UseSetting(name.Replace("__", ":"), value);
        }

        // Outside Development the host does not read the build's map of static web assets, so the
        // gzip variants the build keeps under obj/ would be missing. A published app has them in
        // its wwwroot and needs no such map.
        builder.UseStaticWebAssets();
    }

    /// <summary>Null keeps the shipped limits.</summary>
    protected virtual int? SignInPostsAllowed => 100_000;

    public PortalDbContext NewDbContext() => EmptyDatabase.NewDbContext(ConnectionString);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await CreateClient().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} gave {(int)response.StatusCode}: {body}");
        return body;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Postgres.DropDatabaseAsync(DatabaseName);
        Directory.Delete(MailDirectory, recursive: true);
    }
}
