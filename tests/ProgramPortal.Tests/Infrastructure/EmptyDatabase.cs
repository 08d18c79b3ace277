using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// A database with nothing in it, not even the schema, on the shared test server (use as
/// IClassFixture): for the deploy step and for what the site does before it has run.
/// </summary>
public class EmptyDatabase : IAsyncLifetime
{
    private readonly string _name = $"empty_{Guid.NewGuid():N}";

    protected virtual Task<string> CreateAsync(PostgresServer server, string name) => server.CreateEmptyDatabaseAsync(name);

    public PostgresServer Postgres { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.Shared;
        ConnectionString = await CreateAsync(Postgres, _name);
    }

    public Task DisposeAsync() => Postgres.DropDatabaseAsync(_name);

    public PortalDbContext NewDbContext() => NewDbContext(ConnectionString);

    /// <summary>A context on any portal database, configured as the app configures its own.</summary>
    public static PortalDbContext NewDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataExtensions.ConfigureDbContext(options, connectionString);
        return new PortalDbContext(options.Options);
    }
}

/// <summary>
/// A migrated, seeded database of its own on the shared test server, with no app attached: for tests
/// that run the portal as separate processes, where an in-memory host (with its own job server and
/// mail settings) would get in the way.
/// </summary>
public sealed class PortalDatabase : EmptyDatabase
{
    protected override Task<string> CreateAsync(PostgresServer server, string name) => server.CreateDatabaseAsync(name);
}
