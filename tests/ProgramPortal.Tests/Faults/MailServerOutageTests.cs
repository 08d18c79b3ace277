using Microsoft.EntityFrameworkCore;
using ProgramPortal.Email;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// The mail server is down while leads arrive, then comes back on the same port: every email goes out
/// once it is back, and none twice.
/// </summary>
public class MailServerOutageTests(PortalDatabase database, ITestOutputHelper output) : IClassFixture<PortalDatabase>
{
    [Fact]
    public async Task Emails_held_up_by_a_mail_server_outage_are_delivered_once_it_is_back_and_none_twice()
    {
        await using var mail = new TestSmtpServer(); // not started: nothing listens on its port yet
        await using var portal = await FaultPortal.StartAsync(database.ConnectionString, mail);
        var traffic = new LeadTraffic("smtp-outage");
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(LeadOutcome.Acknowledged, await traffic.SubmitAsync(portal));
        }

        // Every email of those leads was tried against the missing server and is waiting for a retry.
        await Poll.UntilAsync(async () => await FailedAndWaitingAsync() >= 2 * traffic.Acknowledged.Count, TimeSpan.FromSeconds(30),
            () => "The emails were not tried while the mail server was down", TimeSpan.FromMilliseconds(200));

        Assert.Empty(mail.Received);
        await mail.StartAsync();
        var tally = await FaultPortal.WaitUntilSettledAsync(database.ConnectionString, mail, TimeSpan.FromSeconds(60),
            nudge: () => traffic.SubmitAsync(portal), portal: portal);

        tally.AssertOneOfEachPerLead();
        Assert.All(traffic.Acknowledged, address => Assert.Single(mail.To(address)));
        await using var db = database.NewDbContext();
        var attempts = await db.LeadEmails.Where(e => e.Status == LeadEmailStatus.Sent).SumAsync(e => e.Attempts);
        var sent = await db.LeadEmails.CountAsync(e => e.Status == LeadEmailStatus.Sent);
        output.WriteLine($"{traffic.Summary}; emails failed while the server was down: {attempts - sent}; {tally}; "
            + $"messages received in all: {mail.Received.Count}");
    }

    private async Task<int> FailedAndWaitingAsync()
    {
        await using var db = database.NewDbContext();
        return await db.LeadEmails.CountAsync(e => e.Status == LeadEmailStatus.Scheduled && e.Attempts > 0 && e.LastError != null);
    }
}
