using System.Diagnostics;
using Npgsql;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Foundation;

/// <summary>The test fixture's own contract: environment server first, then Docker, then a local cluster.</summary>
public class TestServerSelectionTests
{
    private static readonly Func<Task<Testcontainers.PostgreSql.PostgreSqlContainer?>> DockerMustNotBeAsked =
        () => throw new InvalidOperationException("Docker was asked although an earlier source answered");

    private static readonly Func<Task<LocalPostgresCluster>> ClusterMustNotBeStarted =
        () => throw new InvalidOperationException("A local cluster was started although an earlier source answered");

    [Fact]
    public async Task A_server_named_in_the_environment_wins_and_nothing_else_is_started()
    {
        var shared = await PostgresServer.Shared;

        await using var server = await PostgresServer.StartAsync(
            new ServerSources(() => shared.AdminConnectionString, DockerMustNotBeAsked, ClusterMustNotBeStarted));

        Assert.Equal(PostgresServerKind.Environment, server.Kind);
        var name = $"selection_{Guid.NewGuid():N}";
        var connectionString = await server.CreateDatabaseAsync(name);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM career_roles", connection);
            Assert.Equal(18L, await count.ExecuteScalarAsync());
        }

        await server.DropDatabaseAsync(name);
    }

    [Fact]
    public async Task Without_an_environment_server_or_Docker_a_local_cluster_is_started()
    {
        var dockerAsked = false;
        await using var server = await PostgresServer.StartAsync(new ServerSources(
            () => null,
            () => { dockerAsked = true; return Task.FromResult<Testcontainers.PostgreSql.PostgreSqlContainer?>(null); },
            LocalPostgresCluster.StartAsync));

        Assert.True(dockerAsked);
        Assert.Equal(PostgresServerKind.LocalCluster, server.Kind);
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        Assert.False(string.IsNullOrEmpty((string?)await version.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task Probing_for_Docker_answers_quickly_when_no_engine_runs()
    {
        if (File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is not null)
        {
            return; // An engine may answer here; the probe then starts a real container instead.
        }

        var clock = Stopwatch.StartNew();
        var container = await ServerSources.TryStartContainer();

        Assert.Null(container);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The Docker probe took {clock.Elapsed}");
    }
}
