using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>
/// Sends every lead email that is due. Enqueued after each new lead and run every minute as a sweep,
/// so an email whose enqueue was lost (a crash right after the commit) still goes out. Emails are
/// claimed in batches with one conditional update, so two senders (two app instances, or the sweep
/// and an enqueued run) never both send one; each is recorded as sent the moment it has left, so a
/// crash sends at most the email in hand a second time.
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
    private static readonly TimeSpan RecordRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Returns how many emails were sent.</summary>
    [AutomaticRetry(Attempts = 0)] // failed emails are retried by the outbox with its own back-off
    public async Task<int> RunAsync(CancellationToken jobCancellation)
    {
        // Stop claiming the moment the host begins to stop, not only when Hangfire gets round to it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(jobCancellation, lifetime.ApplicationStopping);
        var cancellationToken = stopping.Token;
        var sent = 0;
        // An email that failed in this run waits for its retry time, even when that is already past.
        var failed = new List<long>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await Due(clock.GetUtcNow()).Where(e => !failed.Contains(e.Id)).OrderBy(e => e.DueAt)
                .Select(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            sent += await SendBatchAsync(due, failed, cancellationToken);
        }

        return sent;
    }

    // Due: scheduled and its time has come, or claimed by a sender whose lease ran out (it stopped mid-send).
    private IQueryable<LeadEmail> Due(DateTimeOffset now) =>
        db.LeadEmails.Where(e => (e.Status == LeadEmailStatus.Scheduled && e.DueAt <= now)
            || (e.Status == LeadEmailStatus.Sending && e.ClaimExpiresAt < now));

    private async Task<int> SendBatchAsync(List<long> ids, List<long> failed, CancellationToken cancellationToken)
    {
        var claimedAt = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        var lease = options.Value.SendLease;
        using var seenThrough = inFlight.Begin();
        // Not cancellable from here on: a claim cancelled in flight may still commit, and an email
        // cut off mid-send may reach the mail server unrecorded and be sent again when its lease ends.
        // Rows another sender claimed first no longer count as due, so they are left out here.
        var claimed = await Due(claimedAt).Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Status, LeadEmailStatus.Sending)
            .SetProperty(e => e.ClaimToken, claim)
            .SetProperty(e => e.ClaimExpiresAt, claimedAt + lease)
            .SetProperty(e => e.Attempts, e => e.Attempts + 1), CancellationToken.None);
        if (claimed == 0)
        {
            return 0;
        }

        var mine = db.LeadEmails.Where(e => e.ClaimToken == claim && e.Status == LeadEmailStatus.Sending);
        // The composer needs each email's step with its templates (a batch shares a few steps, so they
        // are loaded once each, not once per email) and the lead's latest inquiry taken in.
        var emails = await mine.AsNoTracking()
            .Include(e => e.Lead).ThenInclude(l => l!.Inquiries
                .Where(i => i.SpamReason == null || i.ReleasedAt != null).OrderByDescending(i => i.SubmittedAt).Take(1))
            .AsSplitQuery()
            .OrderBy(e => e.DueAt)
            .ToListAsync(CancellationToken.None);
        var stepIds = emails.Where(e => e.StepId is not null).Select(e => e.StepId!.Value).Distinct().ToList();
        var steps = await db.SequenceSteps.AsNoTracking().Include(s => s.Templates)
            .Where(s => stepIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, CancellationToken.None);
        foreach (var email in emails.Where(e => e.StepId is not null))
        {
            email.Step = steps[email.StepId!.Value];
        }

        var sent = 0;
        var done = 0;
        foreach (var email in emails)
        {
            // Stopping (SIGTERM), or half the lease used: the email in hand was finished; the rest are
            // handed back below, due at once for this run's next batch, a restart or another instance.
            if (cancellationToken.IsCancellationRequested || clock.GetUtcNow() - claimedAt > lease / 2)
            {
                break;
            }

            if (await TrySendAsync(email, claim, claimedAt + lease))
            {
                sent++;
            }
            else
            {
                failed.Add(email.Id);
            }

            done++;
        }

        if (done < emails.Count)
        {
            await mine.ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, LeadEmailStatus.Scheduled)
                .SetProperty(e => e.Attempts, e => e.Attempts - 1)
                .SetProperty(e => e.ClaimToken, (Guid?)null)
                .SetProperty(e => e.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(LeadEmail email, Guid claim, DateTimeOffset leaseEnds)
    {
        var mine = db.LeadEmails.Where(e => e.Id == email.Id && e.ClaimToken == claim);
        try
        {
            await sender.SendAsync(composer.Compose(email), CancellationToken.None);
        }
        catch (Exception e)
        {
            // A refusal is its status code alone: the server's text quotes the address, and neither the
            // log nor the email row may keep that after the person is erased.
            var error = e is MailRefusedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            error = error[..Math.Min(error.Length, 1000)];
            var giveUp = email.Attempts >= options.Value.MaxSendAttempts;
            var now = clock.GetUtcNow();
            var retryAt = now + RetryDelay(email.Attempts);
            logger.LogWarning(e is MailRefusedException ? null : e, "Sending lead email {EmailId} failed (attempt {Attempt}): {Error}; {Next}",
                email.Id, email.Attempts, error, giveUp ? "giving up" : $"retrying at {retryAt:u}");
            await mine.ExecuteUpdateAsync(set => set
                .SetProperty(x => x.Status, giveUp ? LeadEmailStatus.Failed : LeadEmailStatus.Scheduled)
                .SetProperty(x => x.DueAt, giveUp ? email.DueAt : retryAt)
                .SetProperty(x => x.LastAttemptAt, now)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.ClaimToken, (Guid?)null)
                .SetProperty(x => x.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
            return false;
        }

        await RecordSentAsync(mine, email.Id, leaseEnds);
        return true;
    }

    /// <summary>
    /// Recorded even while stopping, since the message has left. With the database away, it is tried
    /// again while the claim lasts: recorded late is still sent once, where a lapsed claim sends it twice.
    /// </summary>
    private async Task RecordSentAsync(IQueryable<LeadEmail> mine, long id, DateTimeOffset leaseEnds)
    {
        while (true)
        {
            try
            {
                var sentAt = clock.GetUtcNow();
                await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(x => x.Status, LeadEmailStatus.Sent)
                    .SetProperty(x => x.SentAt, sentAt)
                    .SetProperty(x => x.LastAttemptAt, sentAt)
                    .SetProperty(x => x.LastError, (string?)null)
                    .SetProperty(x => x.ClaimToken, (Guid?)null)
                    .SetProperty(x => x.ClaimExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
                return;
            }
            catch (Exception e) when (DatabaseOutage.IsCause(e) && clock.GetUtcNow() + RecordRetryDelay < leaseEnds)
            {
                logger.LogWarning(e, "Lead email {EmailId} was sent but the database is unavailable to record it; trying again", id);
                await Task.Delay(RecordRetryDelay, CancellationToken.None);
            }
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }
}
