using Microsoft.EntityFrameworkCore;
using ProgramPortal.Email;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Faults;

/// <summary>Two portal processes on one database; disposing stops both.</summary>
public sealed record TwoPortals(PortalInstance A, PortalInstance B) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>What every lead's mail came to once nothing more is on its way.</summary>
public sealed record MailTally(int Leads, int Confirmations, int Duplicates, int AdmissionsNotices)
{
    /// <summary>Nothing lost and nothing duplicated: one confirmation and one admissions notice per lead.</summary>
    public void AssertOneOfEachPerLead()
    {
        Assert.Equal(0, Duplicates);
        Assert.Equal(Leads, Confirmations);
        Assert.Equal(Leads, AdmissionsNotices);
    }

    public override string ToString() =>
        $"leads found in the database: {Leads}, confirmations delivered: {Confirmations}, duplicates: {Duplicates}, "
        + $"admissions notices delivered: {AdmissionsNotices}";
}

/// <summary>
/// The portal as a separate process set up for fault tests, and what its leads came to in the
/// database and at the mail server. Only settings differ from production: visitors post at once (no
/// minimum fill time, no rate limit), failed emails are retried after a second, and idle job
/// workers poll each second.
/// </summary>
public static class FaultPortal
{
    public const string AdmissionsInbox = "inbox@admissions.test";

    public static Dictionary<string, string?> Settings(TestSmtpServer mail)
    {
        var settings = mail.MailSettings();
        settings["Leads__AdmissionsInbox"] = AdmissionsInbox;
        settings["Leads__MinimumFillTime"] = "00:00:00";
        settings["Leads__FormPostsPerWindow"] = "1000000";
        settings["Leads__FirstRetryDelay"] = "00:00:01";
        settings["Leads__MaxSendAttempts"] = "50";
        settings["Leads__SendLease"] = "00:00:10";
        settings["Jobs__PollInterval"] = "00:00:01";
        return settings;
    }

    public static Task<PortalInstance> StartAsync(string connectionString, TestSmtpServer mail) =>
        PortalInstance.StartAsync(connectionString, Settings(mail));

    /// <summary>Two instances on one database, as behind a load balancer, after an Admin is made with the app's create-admin verb.</summary>
    public static async Task<TwoPortals> StartTwoWithAdminAsync(string connectionString,
        TestSmtpServer mail, string adminEmail, string adminPassword)
    {
        await PortalProcess.RunVerbAsync(connectionString, ["create-admin", adminEmail],
            new Dictionary<string, string?> { ["PORTAL_ADMIN_PASSWORD"] = adminPassword });

        var started = await Task.WhenAll(StartAsync(connectionString, mail), StartAsync(connectionString, mail));
        return new TwoPortals(started[0], started[1]);
    }

    /// <summary>The addresses of the leads stored (inquiries taken in, not quarantined).</summary>
    public static async Task<IReadOnlyList<string>> StoredLeadsAsync(string connectionString)
    {
        await using var db = EmptyDatabase.NewDbContext(connectionString);
        return await db.Leads.Where(l => l.Inquiries.All(i => i.SpamReason == null)).Select(l => l.NormalizedEmail).ToListAsync();
    }

    /// <summary>
    /// Waits until every stored lead's confirmation has arrived and no email due today is still
    /// waiting or being sent, so nothing more (no duplicate either) can come. Retries wait for the
    /// minutely sweep in production; here <paramref name="nudge"/> (a new visitor, whose lead
    /// enqueues the same sender job) runs every two seconds instead. If it times out, the failure
    /// quotes the last lines <paramref name="portal"/> logged.
    /// </summary>
    public static async Task<MailTally> WaitUntilSettledAsync(string connectionString, TestSmtpServer mail,
        TimeSpan timeout, Func<Task>? nudge = null, PortalInstance? portal = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var lastNudge = DateTime.UtcNow;
        while (true)
        {
            var leads = await StoredLeadsAsync(connectionString);
            var missing = leads.Count(address => mail.To(address).Count == 0);
            var pending = await PendingTodayAsync(connectionString);
            if (missing == 0 && pending == 0)
            {
                var counts = leads.Select(address => mail.To(address).Count).ToList();
                return new MailTally(leads.Count, counts.Sum(), counts.Sum(count => count - 1), mail.To(AdmissionsInbox).Count);
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"{missing} of {leads.Count} leads got no confirmation and {pending} emails are still pending"
                + (portal is null ? "" : $"\nThe portal's last log lines:\n{string.Join('\n', portal.Output.TakeLast(40))}"));
            if (nudge is not null && DateTime.UtcNow - lastNudge > TimeSpan.FromSeconds(2))
            {
                await nudge();
                lastNudge = DateTime.UtcNow;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<int> PendingTodayAsync(string connectionString)
    {
        await using var db = EmptyDatabase.NewDbContext(connectionString);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        return await db.LeadEmails.CountAsync(e =>
            (e.Status == LeadEmailStatus.Scheduled || e.Status == LeadEmailStatus.Sending) && e.DueAt < tomorrow);
    }
}
