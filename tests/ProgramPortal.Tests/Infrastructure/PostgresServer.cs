using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace ProgramPortal.Tests.Infrastructure;

public enum PostgresServerKind
{
    /// <summary>A server named by the PORTAL_TEST_POSTGRES connection string.</summary>
    Environment,
    Testcontainers,
    LocalCluster,
}

/// <summary>
/// The one PostgreSQL server a test run uses, chosen in order: the server named by
/// PORTAL_TEST_POSTGRES, a Testcontainers container when a Docker engine answers, else a throwaway
/// local cluster. Test classes get their own databases on it, cloned from a migrated template.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "PORTAL_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => StartShared());
    private readonly IAsyncDisposable? _owned;
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private bool _templateReady;

    // Unique per instance: two runs (or two instances in one run) sharing a server must not
    // rebuild each other's template while it is being cloned.
    private readonly string _templateName = $"portal_template_{Guid.NewGuid():N}";

    public PostgresServer(PostgresServerKind kind, string connectionString, IAsyncDisposable? owned)
    {
        Kind = kind;
        AdminConnectionString = connectionString;
        _owned = owned;
    }

    public PostgresServerKind Kind { get; }
    public string AdminConnectionString { get; }
    public LocalPostgresCluster? LocalCluster => _owned as LocalPostgresCluster;

    public static Task<PostgresServer> Shared => SharedServer.Value;

    public static async Task<PostgresServer> StartAsync(ServerSources sources)
    {
        if (sources.EnvironmentConnectionString() is { Length: > 0 } fromEnvironment)
        {
            return new PostgresServer(PostgresServerKind.Environment, fromEnvironment, owned: null);
        }

        if (await sources.TryStartContainerAsync() is { } container)
        {
            return new PostgresServer(PostgresServerKind.Testcontainers, container.GetConnectionString(), container);
        }

        var cluster = await sources.StartLocalClusterAsync();
        return new PostgresServer(PostgresServerKind.LocalCluster, cluster.ConnectionString, cluster);
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await EnsureTemplateAsync();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {_templateName}");
        return ConnectionStringFor(name);
    }

    public async Task<string> CreateEmptyDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
        else if (_templateReady)
        {
            await DropDatabaseAsync(_templateName);
        }
    }

    /// <summary>
    /// Migrates a template once with the app's own `migrate` command, so each test class's database
    /// is a cheap copy and the real deploy step is exercised on every run.
    /// </summary>
    private async Task EnsureTemplateAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await PortalProcess.MigrateAsync(await CreateEmptyDatabaseAsync(_templateName));
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            _templateLock.Release();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartShared()
    {
        var server = await StartAsync(ServerSources.Default);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}

/// <summary>The three places a server can come from, replaceable so the order itself can be tested.</summary>
public sealed record ServerSources(
    Func<string?> EnvironmentConnectionString,
    Func<Task<PostgreSqlContainer?>> TryStartContainerAsync,
    Func<Task<LocalPostgresCluster>> StartLocalClusterAsync)
{
    public static ServerSources Default { get; } = new(
        () => Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable),
        TryStartContainer,
        LocalPostgresCluster.StartAsync);

    /// <summary>Null when no Docker engine answers; Testcontainers says so within a fraction of a second.</summary>
    public static async Task<PostgreSqlContainer?> TryStartContainer()
    {
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }

        await container.StartAsync();
        return container;
    }
}
