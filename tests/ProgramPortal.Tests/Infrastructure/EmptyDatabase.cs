using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// A database with nothing in it, not even the schema, on the shared test server (use as
/// IClassFixture): for the deploy step and for what the site does before it has run.
/// </summary>
public sealed class EmptyDatabase : IAsyncLifetime
{
    private readonly string _name = $"empty_{Guid.NewGuid():N}";

    public PostgresServer Postgres { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.Shared;
        ConnectionString = await Postgres.CreateEmptyDatabaseAsync(_name);
    }

    public Task DisposeAsync() => Postgres.DropDatabaseAsync(_name);

    public PortalDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataExtensions.ConfigureDbContext(options, ConnectionString);
        return new PortalDbContext(options.Options);
    }
}
