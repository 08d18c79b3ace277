using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using ProgramPortal.Data;
using ProgramPortal.Email;

namespace ProgramPortal.Leads;

public enum IntakeOutcome
{
    NewLead,
    /// <summary>Added to a lead within the repeat window; its running sequence carries on.</summary>
    Repeat,
    /// <summary>
    /// From an address that unsubscribed: kept, and the address is asked by email whether it wants
    /// emails again; only its click starts them (anyone can type someone else's address into the form).
    /// </summary>
    AwaitingConfirmation,
    /// <summary>Kept as suspected spam, with no lead and no email, until staff release it.</summary>
    Quarantined,
    /// <summary>This form was stored already (a second post of the same page).</summary>
    Duplicate,
}

/// <summary>
/// Turns a submitted inquiry into a lead and its scheduled emails, committed in one transaction,
/// then asks for the due emails to be sent. Staff release quarantined inquiries through here too.
/// A later inquiry never changes the lead's stored details: what it said is kept on the inquiry, and
/// staff see both, so a stranger typing someone's address cannot rewrite that person's lead.
/// </summary>
public sealed class LeadIntake(
    PortalDbContext db,
    FollowUpSequence sequence,
    TimeProvider clock,
    IOptions<LeadOptions> options)
{
    public async Task<IntakeOutcome> SubmitAsync(Inquiry inquiry, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        inquiry.SubmittedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Inquiries.Add(inquiry);
        var (outcome, lead, isNew) = inquiry.SpamReason is null
            ? await AcceptAsync(inquiry, now, cancellationToken)
            : (IntakeOutcome.Quarantined, null, false);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await ScheduleEmailsAsync(outcome, lead, isNew, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException
                   { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: Inquiry.FormIdIndex })
        {
            // This form was stored already (a second post of the same page, perhaps at the same moment):
            // the unique form id refuses it, and the whole transaction with it. Not looked up first,
            // since a second post is rare and the lookup would cost every first post a round trip.
            return IntakeOutcome.Duplicate;
        }

        if (SchedulesEmails(outcome))
        {
            sequence.SendDueSoon();
        }

        return outcome;
    }

    /// <summary>Staff judged a quarantined inquiry genuine: it is taken in as if it had just arrived.</summary>
    public async Task<IntakeOutcome?> ReleaseAsync(int inquiryId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inquiry = await db.Inquiries.FirstOrDefaultAsync(
            i => i.Id == inquiryId && i.SpamReason != null && i.ReleasedAt == null, cancellationToken);
        if (inquiry is null)
        {
            return null;
        }

        inquiry.ReleasedAt = now;
        var (outcome, lead, isNew) = await AcceptAsync(inquiry, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await ScheduleEmailsAsync(outcome, lead, isNew, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (SchedulesEmails(outcome))
        {
            sequence.SendDueSoon();
        }

        return outcome;
    }

    // A repeat inquiry adds to a sequence already under way, so there is nothing new to send.
    private static bool SchedulesEmails(IntakeOutcome outcome) => outcome is IntakeOutcome.NewLead or IntakeOutcome.AwaitingConfirmation;

    /// <summary>
    /// A new lead gets the whole sequence. An address that unsubscribed gets only the question whether
    /// it wants emails again; the admissions inbox still hears of a new lead from it.
    /// </summary>
    private async Task ScheduleEmailsAsync(IntakeOutcome outcome, Lead? lead, bool isNew, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (outcome == IntakeOutcome.NewLead)
        {
            await sequence.ScheduleAsync(lead!, now, toLead: true, notifyAdmissions: true, cancellationToken);
        }
        else if (outcome == IntakeOutcome.AwaitingConfirmation)
        {
            if (isNew)
            {
                await sequence.ScheduleAsync(lead!, now, toLead: false, notifyAdmissions: true, cancellationToken);
            }

            await sequence.AskToResubscribeAsync(lead!, now, cancellationToken);
        }
    }

    /// <summary>Adds the inquiry to its lead, new or open; the lead's emails are scheduled once it is saved.</summary>
    private async Task<(IntakeOutcome Outcome, Lead Lead, bool IsNew)> AcceptAsync(Inquiry inquiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Two inquiries from one address at the same moment would both find no lead and make two;
        // this lock, held to the end of the transaction, makes them take turns.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({inquiry.NormalizedEmail}, 0))", cancellationToken);

        // One round trip for both questions: the open lead this inquiry adds to, if any, and whether
        // this address unsubscribed before. An address has a lead or two, so loading them is cheap.
        var windowStart = now - options.Value.RepeatWindow;
        var sameAddress = await db.Leads
            .Where(l => l.NormalizedEmail == inquiry.NormalizedEmail
                && ((l.Status != LeadStatus.Closed && l.LastInquiryAt >= windowStart) || l.UnsubscribedAt != null))
            .OrderByDescending(l => l.LastInquiryAt)
            .ToListAsync(cancellationToken);
        var lead = sameAddress.FirstOrDefault(l => l.Status != LeadStatus.Closed && l.LastInquiryAt >= windowStart);
        // The address stays unsubscribed, on a new lead too, until it confirms by the emailed link.
        var unsubscribedAt = lead is null
            ? sameAddress.Where(l => l.UnsubscribedAt != null).Max(l => l.UnsubscribedAt)
            : lead.UnsubscribedAt;

        var isNew = lead is null;
        if (lead is null)
        {
            lead = new Lead
            {
                FirstName = inquiry.FirstName, LastName = inquiry.LastName, Email = inquiry.Email,
                NormalizedEmail = inquiry.NormalizedEmail, Phone = inquiry.Phone, CountryCode = inquiry.CountryCode,
                Track = inquiry.Track, StartTerm = inquiry.StartTerm, YearsOfExperience = inquiry.YearsOfExperience,
                ConsentVersion = inquiry.ConsentVersion, Status = LeadStatus.New, CreatedAt = now, UtmSource = inquiry.UtmSource,
                UnsubscribedAt = unsubscribedAt,
            };
            db.Leads.Add(lead);
        }

        lead.LastInquiryAt = now;
        lead.Inquiries.Add(inquiry);
        var outcome = unsubscribedAt is not null ? IntakeOutcome.AwaitingConfirmation
            : isNew ? IntakeOutcome.NewLead
            : IntakeOutcome.Repeat;
        return (outcome, lead, isNew);
    }
}
