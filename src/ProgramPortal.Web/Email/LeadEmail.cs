using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

public enum LeadEmailStatus
{
    Scheduled,
    /// <summary>Claimed by a sender until <see cref="LeadEmail.ClaimExpiresAt"/>.</summary>
    Sending,
    Sent,
    /// <summary>Gave up after the last allowed attempt; <see cref="LeadEmail.LastError"/> says why.</summary>
    Failed,
    Cancelled,
}

/// <summary>
/// One email of a lead's sequence, written in the same transaction as the lead (an outbox): the
/// sender job sends what is due, so nothing scheduled is lost if the process stops. The rows of a
/// lead are also its email log.
/// </summary>
public class LeadEmail
{
    public long Id { get; set; }
    public int LeadId { get; set; }
    public Lead? Lead { get; set; }
    /// <summary>
    /// The sequence step this email is; null for the one email that is no step: the message asking an
    /// address that unsubscribed to confirm it wants emails again (<see cref="IsResubscribeConfirmation"/>).
    /// </summary>
    public int? StepId { get; set; }
    public SequenceStep? Step { get; set; }
    public bool IsResubscribeConfirmation => StepId is null;
    public required string ToAddress { get; set; }

    public DateTimeOffset ScheduledAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public LeadEmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }

    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }
}

internal sealed class LeadEmailConfiguration : IEntityTypeConfiguration<LeadEmail>
{
    public void Configure(EntityTypeBuilder<LeadEmail> email)
    {
        email.HasOne(e => e.Lead).WithMany(l => l.Emails).OnDelete(DeleteBehavior.Cascade);
        email.HasOne(e => e.Step).WithMany().HasForeignKey(e => e.StepId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        email.Ignore(e => e.IsResubscribeConfirmation);
        email.Property(e => e.ToAddress).HasMaxLength(LeadLimits.Email);
        email.Property(e => e.LastError).HasMaxLength(1000);
        email.Property(e => e.CancelReason).HasMaxLength(200);
        email.HasIndex(e => new { e.Status, e.DueAt });
    }
}
