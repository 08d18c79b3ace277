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
        await WaitUntilAsync(() => health.Contains(HttpStatusCode.ServiceUnavailable) && traffic.Refused.Count >= 3,
            "health to turn 503 and posts to be refused");
        var acknowledgedDuringOutage = traffic.Acknowledged.Count;
        await cluster.StartServerAsync();
        var restartedAt = health.Count;
        await WaitUntilAsync(() => health.Skip(restartedAt).Contains(HttpStatusCode.OK), "health to turn 200 again");
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

        MailTally tally;
        try
        {
            tally = await FaultPortal.WaitUntilSettledAsync(connectionString, mail, TimeSpan.FromSeconds(60),
                nudge: () => traffic.SubmitAsync(portal));
        }
        catch (Xunit.Sdk.XunitException e)
        {
            // Once, on a loaded machine, no confirmation at all came within 60 s (0 of 73): kept for diagnosis.
            var tail = string.Join('\n', portal.OutputText.Split('\n').TakeLast(40));
            throw new Xunit.Sdk.XunitException($"{e.Message}\nThe portal's last log lines:\n{tail}");
        }

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

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
