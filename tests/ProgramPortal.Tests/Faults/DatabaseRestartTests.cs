using System.Collections.Concurrent;
using System.Net;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// PostgreSQL is stopped and started again under a portal that keeps serving. The server is a private
/// cluster, so the other test classes on the shared server are not disturbed.
/// </summary>
public class DatabaseRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan OutageStep = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_portal_recovers_without_a_restart_and_no_acknowledged_lead_is_lost()
    {
        var cluster = await LocalPostgresCluster.StartAsync();
        await using var server = new PostgresServer(PostgresServerKind.LocalCluster, cluster.ConnectionString, cluster);
        var connectionString = await server.CreateDatabaseAsync("portal");
        await using var mail = new TestSmtpServer();
        await mail.StartAsync();
        await using var portal = await FaultPortal.StartAsync(connectionString, mail);

        var traffic = new LeadTraffic("pg-restart");
        var health = new ConcurrentQueue<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var visitors = traffic.RunAsync(() => portal, visitors: 3, stop.Token);
        var probe = WatchHealthAsync(portal, health, stop.Token);

        await traffic.WaitForAcknowledgedAsync(10, TimeSpan.FromSeconds(60));
        await cluster.StopServerAsync();
        await Poll.UntilAsync(() => health.Contains(HttpStatusCode.ServiceUnavailable) && traffic.Refused.Count >= 3,
            OutageStep, () => "Timed out waiting for health to turn 503 and posts to be refused");
        var acknowledgedDuringOutage = traffic.Acknowledged.Count;
        await cluster.StartServerAsync();
        var restartedAt = health.Count;
        await Poll.UntilAsync(() => health.Skip(restartedAt).Contains(HttpStatusCode.OK), OutageStep,
            () => "Timed out waiting for health to turn 200 again");
        var acknowledgedAtRecovery = traffic.Acknowledged.Count;
        await traffic.WaitForAcknowledgedAsync(acknowledgedAtRecovery + 10, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(visitors, probe);

        Assert.False(portal.HasExited);
        var stored = await FaultPortal.StoredLeadsAsync(connectionString);
        var lost = traffic.Acknowledged.Except(stored).ToList();
        Assert.True(lost.Count == 0, $"Acknowledged but not stored: {string.Join(", ", lost)}");
        Assert.All(traffic.Refusals, refusal =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusal.Status);
            Assert.Contains("Your request could not be sent", refusal.Body);
            Assert.Contains("@visitors.test", refusal.Body); // what they typed is still in the form
        });

        var tally = await FaultPortal.WaitUntilSettledAsync(connectionString, mail, TimeSpan.FromSeconds(60),
            nudge: () => traffic.SubmitAsync(portal), portal: portal);

        tally.AssertOneOfEachPerLead();
        var statuses = health.GroupBy(status => (int)status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{traffic.Summary}; acknowledged but lost: {lost.Count}; refused posts stored anyway: "
            + $"{traffic.Refused.Intersect(stored).Count()}; /healthz answers {string.Join(", ", statuses)}; "
            + $"app restarts: 0; acknowledged before the outage ended: {acknowledgedDuringOutage}, "
            + $"after recovery: {traffic.Acknowledged.Count - acknowledgedAtRecovery}; {tally}");
    }

    private static async Task WatchHealthAsync(PortalInstance portal, ConcurrentQueue<HttpStatusCode> seen, CancellationToken stop)
    {
        using var client = portal.CreateClient();
        while (!stop.IsCancellationRequested)
        {
            using var response = await client.GetAsync("/healthz", CancellationToken.None);
            seen.Enqueue(response.StatusCode);
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
