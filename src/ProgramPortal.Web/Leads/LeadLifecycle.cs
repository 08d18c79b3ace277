using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Email;

namespace ProgramPortal.Leads;

/// <summary>Changes to a lead after intake: its status (staff), unsubscribing and re-subscribing (the lead, by link).</summary>
public sealed class LeadLifecycle(PortalDbContext db, FollowUpSequence sequence, TimeProvider clock)
{
    /// <summary>Sets the status; closing a lead cancels every email still pending for it.</summary>
    public async Task<bool> SetStatusAsync(int leadId, LeadStatus status, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lead = await db.Leads.FindAsync([leadId], cancellationToken);
        if (lead is null)
        {
            return false;
        }

        lead.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        if (status == LeadStatus.Closed)
        {
            await sequence.CancelPendingAsync(db.Leads.Where(l => l.Id == leadId), "The lead was closed.",
                clock.GetUtcNow(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stops every pending email to the lead's address (on all its leads). Safe to repeat: mail
    /// providers may send the one-click request more than once.
    /// </summary>
    public async Task<bool> UnsubscribeAsync(int leadId, CancellationToken cancellationToken = default)
    {
        var email = await db.Leads.Where(l => l.Id == leadId).Select(l => l.NormalizedEmail).FirstOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var sameAddress = db.Leads.Where(l => l.NormalizedEmail == email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await sameAddress.Where(l => l.UnsubscribedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UnsubscribedAt, now), cancellationToken);
        await sequence.CancelPendingAsync(sameAddress, "The lead unsubscribed.", now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The address confirmed, by the link sent to it, that it wants emails again: every lead of the
    /// address counts as subscribed, and this lead's emails start from now. Safe to repeat: only the
    /// first confirmation finds the lead unsubscribed, so the emails are scheduled once.
    /// </summary>
    public async Task<bool> ResubscribeAsync(int leadId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lead = await db.Leads.Where(l => l.Id == leadId && l.ErasedAt == null).FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return false;
        }

        var confirmed = await db.Leads.Where(l => l.Id == leadId && l.UnsubscribedAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UnsubscribedAt, (DateTimeOffset?)null), cancellationToken);
        if (confirmed == 0)
        {
            return true;
        }

        await db.Leads.Where(l => l.NormalizedEmail == lead.NormalizedEmail && l.UnsubscribedAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UnsubscribedAt, (DateTimeOffset?)null), cancellationToken);
        var latest = await db.Inquiries.Where(i => i.LeadId == leadId).OrderByDescending(i => i.SubmittedAt)
            .ThenByDescending(i => i.Id).Select(i => i.Id).FirstAsync(cancellationToken);
        await db.Inquiries.Where(i => i.Id == latest)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Resubscribed, true), cancellationToken);
        await sequence.ScheduleAsync(lead, now, toLead: true, notifyAdmissions: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sequence.SendDueSoon();
        return true;
    }
}
