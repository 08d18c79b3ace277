using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Email;

namespace ProgramPortal.Leads.Privacy;

/// <summary>
/// Erases leads' personal data: names, addresses, phone numbers, messages and referrers are
/// overwritten on the lead, its inquiries, its notes and its email rows, and its pending emails are
/// cancelled; a search for them in the export log is redacted (<see cref="ErasedSearches"/>).
/// The rows stay (with track, country, status, source and dates), so counts and the
/// dashboard do not change; a <see cref="LeadErasure"/> row records the erasure without personal data.
/// A person's request reaches every copy: all leads of their address and its quarantined inquiries.
/// </summary>
public sealed class LeadEraser(PortalDbContext db, FollowUpSequence sequence, TimeProvider clock)
{
    public const string Placeholder = "(erased)";

    /// <summary>
    /// Erases the person behind this lead on their request: every lead with the same address (one
    /// made after a close or after the repeat window is the same person) and the inquiries from that
    /// address held as suspected spam. Returns how many leads it erased.
    /// </summary>
    public async Task<int> ErasePersonAsync(int leadId, string erasedBy, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var address = await db.Leads.Where(l => l.Id == leadId && l.ErasedAt == null).Select(l => l.NormalizedEmail)
            .FirstOrDefaultAsync(cancellationToken);
        if (address is null)
        {
            return 0;
        }

        var sameAddress = await db.Leads.Where(l => l.NormalizedEmail == address).Select(l => l.Id).ToListAsync(cancellationToken);
        var held = db.Inquiries.Where(i => i.LeadId == null && i.NormalizedEmail == address);
        var heldPeople = await held.Select(i => new ErasedPerson(i.FirstName, i.LastName, i.Email)).ToListAsync(cancellationToken);
        // Suspected spam has no lead to keep for the counts, so it goes altogether.
        await held.ExecuteDeleteAsync(cancellationToken);
        var erased = await EraseInTransactionAsync(sameAddress, ErasureReason.Request, erasedBy, heldPeople, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return erased;
    }

    /// <summary>Erases the leads among these ids not erased yet, in one transaction; returns how many it erased.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<int> leadIds, ErasureReason reason, string erasedBy,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var erased = await EraseInTransactionAsync(leadIds, reason, erasedBy, [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return erased;
    }

    private async Task<int> EraseInTransactionAsync(IReadOnlyCollection<int> leadIds, ErasureReason reason, string erasedBy,
        IReadOnlyList<ErasedPerson> alsoRedact, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Claiming the rows with one conditional update makes two erasures of the same lead (a staff
        // click during the retention job) erase and record it once.
        var ids = await db.Database.SqlQuery<int>($"""
            UPDATE leads SET erased_at = {now}
            WHERE id = ANY({leadIds.ToArray()}) AND erased_at IS NULL
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0 && alsoRedact.Count == 0)
        {
            return 0;
        }

        var people = await db.Leads.Where(l => ids.Contains(l.Id))
            .Select(l => new { l.FirstName, l.LastName, l.Email })
            .Concat(db.Inquiries.Where(i => i.LeadId != null && ids.Contains(i.LeadId.Value))
                .Select(i => new { i.FirstName, i.LastName, i.Email }))
            .Distinct().ToListAsync(cancellationToken);
        await ErasedSearches.RedactAsync(db, [.. people.Select(p => new ErasedPerson(p.FirstName, p.LastName, p.Email)), .. alsoRedact],
            cancellationToken);

        await db.Leads.Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(l => l.FirstName, Placeholder)
            .SetProperty(l => l.LastName, "")
            .SetProperty(l => l.Email, "")
            // Unique per lead and never a real address, so no later inquiry or unsubscribe link matches it.
            .SetProperty(l => l.NormalizedEmail, l => "erased-" + l.Id.ToString())
            .SetProperty(l => l.Phone, (string?)null), cancellationToken);
        await db.Inquiries.Where(i => i.LeadId != null && ids.Contains(i.LeadId.Value)).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.FirstName, Placeholder)
            .SetProperty(i => i.LastName, "")
            .SetProperty(i => i.Email, "")
            .SetProperty(i => i.NormalizedEmail, "")
            .SetProperty(i => i.Phone, (string?)null)
            .SetProperty(i => i.Message, (string?)null)
            .SetProperty(i => i.Referrer, (string?)null), cancellationToken);
        await db.LeadNotes.Where(n => ids.Contains(n.LeadId))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Text, Placeholder), cancellationToken);
        await sequence.CancelPendingAsync(db.Leads.Where(l => ids.Contains(l.Id)), "The lead's personal data was erased.", now,
            cancellationToken, toAdmissionsToo: true);
        // A send error can quote the address; the admissions inbox is not the lead's, so it stays.
        await db.LeadEmails.Where(e => ids.Contains(e.LeadId))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.LastError, (string?)null), cancellationToken);
        await db.LeadEmails.Where(e => ids.Contains(e.LeadId) && (e.StepId == null || e.Step!.Audience == EmailAudience.Lead))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ToAddress, ""), cancellationToken);

        db.LeadErasures.AddRange(ids.Select(id => new LeadErasure { LeadId = id, ErasedAt = now, Reason = reason, ErasedBy = erasedBy }));
        await db.SaveChangesAsync(cancellationToken);
        return ids.Count;
    }
}
