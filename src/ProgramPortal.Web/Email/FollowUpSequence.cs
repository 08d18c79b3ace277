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
    /// <summary>
    /// Writes one email row per sequence step for a saved lead, inside the caller's transaction: the
    /// steps to the lead with <paramref name="toLead"/>, the notes to the admissions inbox with
    /// <paramref name="notifyAdmissions"/>. One INSERT ... SELECT from the steps table: loading the
    /// steps and saving a row entity per email cost more than the rest of taking a lead in
    /// (deploy/bench.sh, figure 3).
    /// </summary>
    public async Task ScheduleAsync(Lead lead, DateTimeOffset from, bool toLead, bool notifyAdmissions, CancellationToken cancellationToken)
    {
        const string leadAudience = nameof(EmailAudience.Lead);
        const string scheduled = nameof(LeadEmailStatus.Scheduled);
        var inbox = options.Value.AdmissionsInbox;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO lead_emails (lead_id, step_id, to_address, scheduled_at, due_at, status, attempts)
            SELECT {lead.Id}, s.id, CASE WHEN s.audience = {leadAudience} THEN {lead.Email} ELSE {inbox} END,
                   {from}, {from} + s.delay, {scheduled}, 0
            FROM sequence_steps AS s
            WHERE (s.audience = {leadAudience} AND {toLead}) OR (s.audience <> {leadAudience} AND {notifyAdmissions})
            ORDER BY s.position
            """, cancellationToken);
    }

    /// <summary>
    /// Writes the one message asking an address that unsubscribed whether it wants emails again,
    /// inside the caller's transaction, unless that address was asked within the last day: a form
    /// anyone can post must not become a way to fill someone's inbox.
    /// </summary>
    public async Task<bool> AskToResubscribeAsync(Lead lead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dayAgo = now - ResubscribeAskInterval;
        if (await db.LeadEmails.AnyAsync(e => e.StepId == null && e.ScheduledAt > dayAgo
                && e.Lead!.NormalizedEmail == lead.NormalizedEmail, cancellationToken))
        {
            return false;
        }

        db.LeadEmails.Add(new LeadEmail
        {
            LeadId = lead.Id, ToAddress = lead.Email, ScheduledAt = now, DueAt = now, Status = LeadEmailStatus.Scheduled,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static readonly TimeSpan ResubscribeAskInterval = TimeSpan.FromDays(1);

    /// <summary>
    /// Cancels every email to these leads that no sender has claimed yet, and with
    /// <paramref name="toAdmissionsToo"/> the admissions inbox's notices about them. The status
    /// condition makes it atomic against a sender claiming the same row; one already being sent goes out.
    /// </summary>
    public Task<int> CancelPendingAsync(IQueryable<Lead> leads, string reason, DateTimeOffset now,
        CancellationToken cancellationToken, bool toAdmissionsToo = false) =>
        db.LeadEmails
            .Where(e => e.Status == LeadEmailStatus.Scheduled
                && (toAdmissionsToo || e.StepId == null || e.Step!.Audience == EmailAudience.Lead)
                && leads.Any(l => l.Id == e.LeadId))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, LeadEmailStatus.Cancelled)
                .SetProperty(e => e.CancelledAt, now)
                .SetProperty(e => e.CancelReason, reason), cancellationToken);

    /// <summary>Asks for the due emails to be sent now; called after the commit (see <see cref="SenderNudges"/>).</summary>
    public void SendDueSoon() => nudges.Nudge();
}
