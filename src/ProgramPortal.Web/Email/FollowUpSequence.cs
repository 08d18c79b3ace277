using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>Schedules a lead's emails into the outbox, cancels what is pending, and nudges the sender.</summary>
public sealed class FollowUpSequence(
    PortalDbContext db,
    SenderNudges nudges,
    IOptions<LeadOptions> options)
{
    /// <summary>Adds the lead's email rows to the unit of work; they commit with the caller's SaveChanges.</summary>
    public async Task ScheduleAsync(Lead lead, DateTimeOffset from, bool notifyAdmissions, CancellationToken cancellationToken)
    {
        var steps = await db.SequenceSteps.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        foreach (var step in steps.Where(s => notifyAdmissions || s.Audience == EmailAudience.Lead))
        {
            lead.Emails.Add(new LeadEmail
            {
                StepId = step.Id,
                ToAddress = step.Audience == EmailAudience.Lead ? lead.Email : options.Value.AdmissionsInbox,
                ScheduledAt = from,
                DueAt = from + step.Delay,
                Status = LeadEmailStatus.Scheduled,
            });
        }
    }

    /// <summary>
    /// Cancels every email to these leads that no sender has claimed yet. The status condition makes
    /// it atomic against a sender claiming the same row; one already being sent goes out.
    /// </summary>
    public Task<int> CancelPendingAsync(IQueryable<Lead> leads, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.LeadEmails
            .Where(e => e.Status == LeadEmailStatus.Scheduled
                && e.Step!.Audience == EmailAudience.Lead
                && leads.Any(l => l.Id == e.LeadId))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, LeadEmailStatus.Cancelled)
                .SetProperty(e => e.CancelledAt, now)
                .SetProperty(e => e.CancelReason, reason), cancellationToken);

    /// <summary>Asks for the due emails to be sent now; called after the commit (see <see cref="SenderNudges"/>).</summary>
    public void SendDueSoon() => nudges.Nudge();
}
