using Microsoft.EntityFrameworkCore;
using ProgramPortal.Email;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// PostgreSQL goes away at the worst moment for the sender: the mail server has the message, and the
/// sender has yet to record it as sent. On a private cluster, so no other test class is disturbed.
/// </summary>
public class DatabaseLostMidSendTests
{
    [Fact]
    public async Task An_email_that_left_while_the_database_was_away_is_recorded_once_it_is_back_and_not_sent_twice()
    {
        var cluster = await LocalPostgresCluster.StartAsync();
        await using var server = new PostgresServer(PostgresServerKind.LocalCluster, cluster.ConnectionString, cluster);
        var connectionString = await server.CreateDatabaseAsync("portal");
        await using var mail = new TestSmtpServer();
        var databaseStopped = 0;
        mail.BeforeAccepting = async () =>
        {
            if (Interlocked.Exchange(ref databaseStopped, 1) == 0)
            {
                await cluster.StopServerAsync();
            }
        };
        await mail.StartAsync();
        await using var portal = await FaultPortal.StartAsync(connectionString, mail);
        var traffic = new LeadTraffic("lost-mid-send");

        Assert.Equal(LeadOutcome.Acknowledged, await traffic.SubmitAsync(portal));
        await Poll.UntilAsync(() => Volatile.Read(ref databaseStopped) == 1 && mail.Received.Count > 0, TimeSpan.FromSeconds(30),
            () => "The first email never reached the mail server", TimeSpan.FromMilliseconds(100));

        // Back once the sender has found it away while recording the send, well within its claim on the email (10 s here).
        await Poll.UntilAsync(() => portal.Output.Any(line => line.Contains("was sent but the database is unavailable to record it")),
            TimeSpan.FromSeconds(30), () => "The sender never tried to record the send:\n" + string.Join('\n', portal.Output.TakeLast(40)),
            TimeSpan.FromMilliseconds(100));
        await cluster.StartServerAsync();

        // Settled means no email is left claimed: one left unrecorded would have stayed claimed until
        // its claim lapsed and been sent again before this returns; one recorded as sent is never claimed again.
        var tally = await FaultPortal.WaitUntilSettledAsync(connectionString, mail, TimeSpan.FromSeconds(60), portal: portal);
        tally.AssertOneOfEachPerLead();
        Assert.Equal(2, mail.Received.Count);
        await using var db = EmptyDatabase.NewDbContext(connectionString);
        var emails = await db.LeadEmails.Where(e => e.Status != LeadEmailStatus.Scheduled || e.DueAt < DateTimeOffset.UtcNow.AddDays(1))
            .ToListAsync();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, email =>
        {
            Assert.Equal(LeadEmailStatus.Sent, email.Status);
            Assert.Equal(1, email.Attempts);
        });
    }
}
