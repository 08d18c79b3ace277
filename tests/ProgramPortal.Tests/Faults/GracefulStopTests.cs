using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Email;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// SIGTERM (`docker stop`) while the email sender is busy with a slow mail server: the instance exits
/// cleanly within its drain time, the email in hand is finished and recorded, the rest stay due, and
/// after a restart every email has gone out once.
/// </summary>
public class GracefulStopTests(PortalDatabase database, ITestOutputHelper output) : IClassFixture<PortalDatabase>
{
    private const int DrainSeconds = 6;

    [Fact]
    public async Task A_stop_while_emails_are_being_sent_leaves_none_half_sent_and_none_sent_twice()
    {
        await using var mail = new TestSmtpServer { DelayPerMessage = TimeSpan.FromMilliseconds(400) };
        await mail.StartAsync();
        var settings = FaultPortal.Settings(mail);
        settings["Shutdown__TimeoutSeconds"] = DrainSeconds.ToString();
        var portal = await PortalInstance.StartAsync(database.ConnectionString, settings);
        var traffic = new LeadTraffic("graceful-stop");
        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(LeadOutcome.Acknowledged, await traffic.SubmitAsync(portal));
        }

        await Poll.UntilAsync(() => mail.Received.Count >= 2, TimeSpan.FromSeconds(30), () => "No email was sent");

        var stopping = Stopwatch.StartNew();
        var exitCode = await portal.StopAsync(TimeSpan.FromSeconds(DrainSeconds + 10));
        stopping.Stop();
        var receivedBeforeStop = mail.Received.Count;
        await portal.DisposeAsync();
        Assert.True(exitCode == 0, portal.OutputText);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(DrainSeconds + 2), $"Stopping took {stopping.Elapsed}");
        await using (var db = database.NewDbContext())
        {
            Assert.Equal(0, await db.LeadEmails.CountAsync(e => e.Status == LeadEmailStatus.Sending));
        }

        mail.DelayPerMessage = TimeSpan.Zero;
        await using var restarted = await FaultPortal.StartAsync(database.ConnectionString, mail);
        var tally = await FaultPortal.WaitUntilSettledAsync(database.ConnectionString, mail, TimeSpan.FromSeconds(60),
            nudge: () => traffic.SubmitAsync(restarted), portal: restarted);
        tally.AssertOneOfEachPerLead();
        await traffic.AssertEveryAcknowledgedLeadStoredAndConfirmedOnceAsync(database.ConnectionString, mail);
        output.WriteLine($"{traffic.Summary}; emails delivered before the stop: {receivedBeforeStop}, stop took "
            + $"{stopping.Elapsed.TotalSeconds:0.0} s (drain time {DrainSeconds} s), exit code {exitCode}, left half-sent: 0; "
            + $"after the restart: {tally}");
    }
}
