using System.Net;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// The portal's database is dropped from under it, an error no reconnect fixes: the portal reports
/// itself unhealthy and keeps running, rather than one of its background loops taking the process down.
/// </summary>
public class DatabaseGoneTests
{
    [Fact]
    public async Task A_database_dropped_under_a_running_portal_turns_health_to_503_and_the_process_keeps_serving()
    {
        var server = await PostgresServer.Shared;
        var name = $"gone_{Guid.NewGuid():N}";
        var connectionString = await server.CreateDatabaseAsync(name);
        await using var mail = new TestSmtpServer();
        await mail.StartAsync();
        await using var portal = await FaultPortal.StartAsync(connectionString, mail);
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await server.DropDatabaseAsync(name);

        // Long enough for every background loop to hit the missing database more than once.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.False(portal.HasExited, portal.OutputText);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/robots.txt")).StatusCode);
    }
}
