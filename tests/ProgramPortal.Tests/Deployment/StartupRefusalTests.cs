using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Deployment;

/// <summary>The site refuses to start where it would fail later: an unmigrated database, a bad setting.</summary>
public class StartupRefusalTests : IAsyncLifetime
{
    private readonly string _database = $"empty_{Guid.NewGuid():N}";
    private PostgresServer _postgres = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.Shared;
        _connectionString = await _postgres.CreateEmptyDatabaseAsync(_database);
    }

    public Task DisposeAsync() => _postgres.DropDatabaseAsync(_database);

    [Fact]
    public async Task On_a_database_nobody_migrated_the_site_exits_with_3_and_says_to_run_migrate()
    {
        await using var portal = PortalInstance.Launch(_connectionString);

        Assert.Equal(3, await portal.WaitForExitAsync());
        var refusal = Assert.Single(portal.LogEntries, entry => entry.GetProperty("LogLevel").GetString() == "Critical");
        var message = refusal.GetProperty("Message").GetString();
        Assert.Contains("missing 1 migration(s)", message);
        Assert.Contains("Run the `migrate` command first", message);
    }

    [Fact]
    public async Task A_proxy_network_that_is_not_a_network_stops_the_site_at_start_naming_the_setting()
    {
        var migrated = await _postgres.CreateDatabaseAsync($"{_database}_migrated");
        try
        {
            await using var portal = PortalInstance.Launch(migrated,
                new Dictionary<string, string?> { ["ReverseProxy__KnownNetworks__0"] = "10.0.0.0/99" });

            Assert.NotEqual(0, await portal.WaitForExitAsync());
            Assert.Contains("ReverseProxy:KnownNetworks has '10.0.0.0/99'", portal.OutputText);
        }
        finally
        {
            await _postgres.DropDatabaseAsync($"{_database}_migrated");
        }
    }
}
