using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Email;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Leads;

/// <summary>The outbox under failure: a mail server that is down, two senders at once, a crash at the worst moment.</summary>
public class EmailDeliveryTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task While_the_mail_server_is_down_emails_wait_with_back_off_and_once_it_is_up_each_is_delivered_exactly_once()
    {
        var addresses = Enumerable.Range(0, 5).Select(i => $"outage{i}@example.com").ToList();
        await app.Smtp.StopAsync();
        try
        {
            foreach (var address in addresses)
            {
                using (await app.SubmitLeadAsync(app.ValidForm(address))) { }
            }

            Assert.Equal(0, await app.RunEmailSenderAsync());
            var afterFirst = await EmailsToAsync(addresses);
            Assert.All(afterFirst, e =>
            {
                Assert.Equal(LeadEmailStatus.Scheduled, e.Status);
                Assert.Equal(1, e.Attempts);
                Assert.Contains("Exception", e.LastError);
            });

            // Back-off: nothing is retried before the first delay is over, then the delay doubles.
            Assert.Equal(0, await app.RunEmailSenderAsync());
            Assert.All(await EmailsToAsync(addresses), e => Assert.Equal(1, e.Attempts));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, await app.RunEmailSenderAsync());
            Assert.All(await EmailsToAsync(addresses), e =>
            {
                Assert.Equal(2, e.Attempts);
                Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), e.DueAt);
            });
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(10, await app.RunEmailSenderAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.RunEmailSenderAsync();

        foreach (var address in addresses)
        {
            Assert.Single(app.Smtp.To(address));
        }

        var notices = app.Smtp.To(LeadApp.AdmissionsInbox).Where(m => addresses.Any(a => m.Message.TextBody?.Contains(a) == true)).ToList();
        Assert.Equal(5, notices.Count);
        Assert.All(await EmailsToAsync(addresses), e =>
        {
            Assert.Equal(LeadEmailStatus.Sent, e.Status);
            Assert.Null(e.LastError);
        });
    }

    [Fact]
    public async Task An_email_that_keeps_failing_is_marked_failed_with_the_reason_after_the_last_attempt()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("hopeless@example.com"))) { }
        await using (var db = app.NewDbContext())
        {
            await db.LeadEmails.Where(e => e.Lead!.NormalizedEmail == "hopeless@example.com")
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Attempts, 7));
        }

        await app.Smtp.StopAsync();
        try
        {
            await app.RunEmailSenderAsync();
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunEmailSenderAsync();
        var confirmation = (await EmailsToAsync(["hopeless@example.com"])).Single(e => e.ToAddress == "hopeless@example.com");
        Assert.Equal(LeadEmailStatus.Failed, confirmation.Status);
        Assert.Equal(8, confirmation.Attempts);
        Assert.False(string.IsNullOrEmpty(confirmation.LastError));
        Assert.Empty(app.Smtp.To("hopeless@example.com"));
    }

    [Fact]
    public async Task Two_senders_running_at_once_never_send_the_same_email_twice()
    {
        var addresses = Enumerable.Range(0, 25).Select(i => $"race{i}@example.com").ToList();
        foreach (var address in addresses)
        {
            using (await app.SubmitLeadAsync(app.ValidForm(address))) { }
        }

        var sent = await Task.WhenAll(app.RunEmailSenderAsync(), app.RunEmailSenderAsync(), app.RunEmailSenderAsync());

        Assert.True(sent.Sum() >= 50, $"sent {sent.Sum()}");
        foreach (var address in addresses)
        {
            Assert.Single(app.Smtp.To(address));
        }

        var ids = app.Smtp.Received.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_lead_saved_just_before_a_crash_is_still_emailed_by_the_recurring_sweep()
    {
        // What a crash between the commit and the enqueue leaves behind: the rows, and no job for them.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProgramPortal.Data.PortalDbContext>();
            var lead = LeadRecords.Make("Crash", "Survivor", app.Clock.GetUtcNow(), email: "crash@example.com");
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<FollowUpSequence>()
                .ScheduleAsync(lead, app.Clock.GetUtcNow(), toLead: true, notifyAdmissions: true, CancellationToken.None);
        }

        var recurring = app.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs();
        var sweep = Assert.Single(recurring, job => job.Id == SendDueEmailsJob.RecurringJobId);
        Assert.Equal(Cron.Minutely(), sweep.Cron);
        Assert.Equal(typeof(SendDueEmailsJob), sweep.Job.Type);

        await app.RunEmailSenderAsync();
        Assert.Single(app.Smtp.To("crash@example.com"));
    }

    [Fact]
    public async Task A_sender_that_died_mid_send_leaves_a_claim_that_another_sender_retries_after_the_lease()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("lease@example.com"))) { }
        await using (var db = app.NewDbContext())
        {
            await db.LeadEmails.Where(e => e.Lead!.NormalizedEmail == "lease@example.com" && e.DueAt <= app.Clock.GetUtcNow())
                .ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.Status, LeadEmailStatus.Sending)
                    .SetProperty(e => e.ClaimToken, Guid.NewGuid())
                    .SetProperty(e => e.ClaimExpiresAt, app.Clock.GetUtcNow() + TimeSpan.FromMinutes(5)));
        }

        await app.RunEmailSenderAsync();
        Assert.Empty(app.Smtp.To("lease@example.com"));

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.RunEmailSenderAsync();
        Assert.Single(app.Smtp.To("lease@example.com"));
    }

    [Fact]
    public async Task Submitting_the_form_enqueues_a_hangfire_send_after_the_commit()
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var before = monitoring.EnqueuedCount("default");

        using (await app.SubmitLeadAsync(app.ValidForm("enqueued@example.com"))) { }

        // The enqueue happens off the request, in SenderNudges' background loop.
        for (var waited = 0; monitoring.EnqueuedCount("default") == before && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(before + 1, monitoring.EnqueuedCount("default"));
        var job = monitoring.EnqueuedJobs("default", 0, 100).Last().Value.Job;
        Assert.Equal(typeof(SendDueEmailsJob), job.Type);
        Assert.Equal(nameof(SendDueEmailsJob.RunAsync), job.Method.Name);
    }

    /// <summary>The emails due at once for these leads: the confirmation and the admissions notice.</summary>
    private async Task<List<LeadEmail>> EmailsToAsync(IReadOnlyList<string> leadAddresses)
    {
        await using var db = app.NewDbContext();
        return await db.LeadEmails
            .Where(e => leadAddresses.Contains(e.Lead!.NormalizedEmail) && e.Step!.Delay == TimeSpan.Zero)
            .ToListAsync();
    }
}
