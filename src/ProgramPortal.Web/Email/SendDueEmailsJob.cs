using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>
/// Sends every lead email that is due. Enqueued after each new lead and run every minute as a sweep,
/// so an email whose enqueue was lost (a crash right after the commit) still goes out. Each email is
/// claimed with a conditional update before sending, so two senders (two app instances, or the sweep
/// and an enqueued run) never both send it, and one recorded as sent is never sent again.
/// </summary>
public sealed class SendDueEmailsJob(
    PortalDbContext db,
    IMailSender sender,
    LeadMailComposer composer,
    TimeProvider clock,
    IOptions<LeadOptions> options,
    EmailsInFlight inFlight,
    IHostApplicationLifetime lifetime,
    ILogger<SendDueEmailsJob> logger)
{
    public const string RecurringJobId = "send-due-lead-emails";
    private const int BatchSize = 50;
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(12);

    /// <summary>Returns how many emails were sent.</summary>
    [AutomaticRetry(Attempts = 0)] // failed emails are retried by the outbox with its own back-off
    public async Task<int> RunAsync(CancellationToken jobCancellation)
    {
        // Stop claiming the moment the host begins to stop, not only when Hangfire gets round to it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(jobCancellation, lifetime.ApplicationStopping);
        var cancellationToken = stopping.Token;
        var sent = 0;
        var tried = new List<long>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var due = await Due(now).Where(e => !tried.Contains(e.Id)).OrderBy(e => e.DueAt).Select(e => e.Id)
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var id in due)
            {
                // Stopping (SIGTERM): the email in hand was finished; claim no more. The rest stay due
                // for this instance after a restart or for any other instance.
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                tried.Add(id);
                if (await TrySendAsync(id, cancellationToken))
                {
                    sent++;
                }
            }
        }

        return sent;
    }

    // Due: scheduled and its time has come, or claimed by a sender whose lease ran out (it stopped mid-send).
    private IQueryable<LeadEmail> Due(DateTimeOffset now) =>
        db.LeadEmails.Where(e => (e.Status == LeadEmailStatus.Scheduled && e.DueAt <= now)
            || (e.Status == LeadEmailStatus.Sending && e.ClaimExpiresAt < now));

    private async Task<bool> TrySendAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        using var seenThrough = inFlight.Begin();
        // Not cancellable: a claim cancelled in flight may still commit, leaving the email claimed and unsent until its lease ends.
        var claimed = await Due(now).Where(e => e.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Status, LeadEmailStatus.Sending)
            .SetProperty(e => e.ClaimToken, claim)
            .SetProperty(e => e.ClaimExpiresAt, now + options.Value.SendLease)
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.LastAttemptAt, now), CancellationToken.None);
        if (claimed == 0)
        {
            return false;
        }

        // Once claimed, an email is seen through even while stopping: cut off mid-send, it could reach
        // the mail server without being recorded, and be sent again when its lease runs out.
        var email = await db.LeadEmails.AsNoTracking()
            .Include(e => e.Step).ThenInclude(s => s!.Templates)
            .Include(e => e.Lead).ThenInclude(l => l!.Inquiries.Where(i => i.SpamReason == null || i.ReleasedAt != null))
            .AsSplitQuery()
            .SingleAsync(e => e.Id == id, CancellationToken.None);
        var mine = db.LeadEmails.Where(e => e.Id == id && e.ClaimToken == claim);
        try
        {
            await sender.SendAsync(composer.Compose(email), CancellationToken.None);
        }
        catch (Exception e)
        {
            var error = $"{e.GetType().Name}: {e.Message}";
            error = error[..Math.Min(error.Length, 1000)];
            var giveUp = email.Attempts >= options.Value.MaxSendAttempts;
            var retryAt = clock.GetUtcNow() + RetryDelay(email.Attempts);
            logger.LogWarning(e, "Sending lead email {EmailId} failed (attempt {Attempt}); {Next}", id, email.Attempts,
                giveUp ? "giving up" : $"retrying at {retryAt:u}");
            await mine.ExecuteUpdateAsync(set => set
                .SetProperty(x => x.Status, giveUp ? LeadEmailStatus.Failed : LeadEmailStatus.Scheduled)
                .SetProperty(x => x.DueAt, giveUp ? email.DueAt : retryAt)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.ClaimToken, (Guid?)null)
                .SetProperty(x => x.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
            return false;
        }

        // Recorded even while stopping: the message has left.
        await mine.ExecuteUpdateAsync(set => set
            .SetProperty(x => x.Status, LeadEmailStatus.Sent)
            .SetProperty(x => x.SentAt, clock.GetUtcNow())
            .SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.ClaimToken, (Guid?)null)
            .SetProperty(x => x.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        return true;
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }
}
