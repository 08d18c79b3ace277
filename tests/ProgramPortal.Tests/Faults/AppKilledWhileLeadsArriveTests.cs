using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// The portal process is killed (SIGKILL) while visitors are sending the form. A lead acknowledged
/// with the thank-you page must be in the database, and after a restart its confirmation must go out
/// once. The mail server is down while the app is killed: a message cut off between the mail server
/// accepting it and the app recording it would be sent again after the restart (SMTP allows no
/// better than at-least-once), which would read as a duplicate here without being the portal's
/// fault. With it down, the kill still lands among claimed and failed emails, which the restart must
/// recover from.
/// </summary>
public class AppKilledWhileLeadsArriveTests(PortalDatabase database, ITestOutputHelper output) : IClassFixture<PortalDatabase>
{
    [Fact]
    public async Task Every_acknowledged_lead_survives_a_kill_and_after_a_restart_gets_its_confirmation_once()
    {
        await using var mail = new TestSmtpServer();
        var traffic = new LeadTraffic("killed");
        var portal = await FaultPortal.StartAsync(database.ConnectionString, mail);
        using var stop = new CancellationTokenSource();
        var visitors = traffic.RunAsync(() => portal, visitors: 6, stop.Token);

        await traffic.WaitForAcknowledgedAsync(30, TimeSpan.FromSeconds(60));
        await portal.KillAsync();
        var killedWithSent = traffic.Sent;
        await stop.CancelAsync();
        await visitors;
        await portal.DisposeAsync();

        var stored = await FaultPortal.StoredLeadsAsync(database.ConnectionString);
        var lost = traffic.Acknowledged.Except(stored).ToList();
        var storedUnanswered = traffic.Unanswered.Intersect(stored).Count();
        Assert.True(lost.Count == 0, $"Acknowledged but not stored: {string.Join(", ", lost)}");
        Assert.Empty(traffic.Refused);

        await mail.StartAsync();
        await using var restarted = await FaultPortal.StartAsync(database.ConnectionString, mail);
        var tally = await FaultPortal.WaitUntilSettledAsync(database.ConnectionString, mail, TimeSpan.FromSeconds(60),
            nudge: () => traffic.SubmitAsync(restarted), portal: restarted);

        tally.AssertOneOfEachPerLead();
        await traffic.AssertEveryAcknowledgedLeadStoredAndConfirmedOnceAsync(database.ConnectionString, mail);
        output.WriteLine($"killed after {killedWithSent} posts; {traffic.Summary}; acknowledged but lost: {lost.Count}; "
            + $"stored although unanswered (committed just before the kill): {storedUnanswered}; after the restart: {tally}");
    }
}
