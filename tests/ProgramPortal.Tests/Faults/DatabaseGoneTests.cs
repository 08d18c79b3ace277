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

        // Until every background loop has hit the missing database more than once and said so: the
        // listener for content changes and Hangfire's workers and schedulers.
        await Poll.UntilAsync(() => FailuresLoggedBy(portal, "ProgramPortal.Content.PublicContentChangeListener") >= 2
                && FailuresLoggedBy(portal, "Hangfire.") >= 2,
            TimeSpan.FromSeconds(60), () => "The background loops did not report the missing database:\n"
                + string.Join('\n', portal.Output.TakeLast(40)), TimeSpan.FromMilliseconds(200));
        Assert.False(portal.HasExited, portal.OutputText);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/robots.txt")).StatusCode);
    }

    private static int FailuresLoggedBy(PortalInstance portal, string categoryPrefix) =>
        portal.LogEntries.Count(entry => entry.GetProperty("Category").GetString()!.StartsWith(categoryPrefix, StringComparison.Ordinal)
            && entry.GetProperty("LogLevel").GetString() is "Warning" or "Error");
}
