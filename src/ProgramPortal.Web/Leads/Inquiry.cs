using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Leads;

/// <summary>
/// One submission of the form, exactly as it arrived, with where it came from and the consent
/// wording the person ticked. A suspected-spam submission is kept here with no lead until staff
/// release it, so a real inquiry caught by mistake is never lost.
/// </summary>
public class Inquiry
{
    public int Id { get; set; }
    public int? LeadId { get; set; }
    public Lead? Lead { get; set; }

    /// <summary>From the form's protected token: the same form posted twice is stored once.</summary>
    public Guid? FormId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string? Phone { get; set; }
    public required string CountryCode { get; set; }
    public TrackInterest Track { get; set; }
    public required string StartTerm { get; set; }
    public int YearsOfExperience { get; set; }
    public string? Message { get; set; }

    public required string ConsentVersion { get; set; }
    public required string ConsentText { get; set; }
    /// <summary>The address had unsubscribed before, and confirmed by the emailed link after this inquiry that it wants emails again.</summary>
    public bool Resubscribed { get; set; }

    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? Referrer { get; set; }

    /// <summary>Why the submission looked automated; null for a normal one.</summary>
    public string? SpamReason { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }

    public bool IsQuarantined => SpamReason is not null && ReleasedAt is null;

    /// <summary>
    /// Where the visit came from in words for staff: "source linkedin, medium social, campaign fall",
    /// only the parts the link had, or "No campaign"; then the page they came from, if known.
    /// </summary>
    public string CameFrom
    {
        get
        {
            string?[] parts = [UtmSource is null ? null : "source " + UtmSource, UtmMedium is null ? null : "medium " + UtmMedium,
                UtmCampaign is null ? null : "campaign " + UtmCampaign];
            var campaign = parts.Any(p => p is not null) ? string.Join(", ", parts.OfType<string>()) : "No campaign";
            return Referrer is null ? campaign : $"{campaign}; from the page {Referrer}";
        }
    }

    /// <summary>The unique index that stores each form once however often it is posted.</summary>
    public const string FormIdIndex = "ix_inquiries_form_id";
}

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> inquiry)
    {
        inquiry.HasOne(i => i.Lead).WithMany(l => l.Inquiries).OnDelete(DeleteBehavior.Cascade);
        inquiry.HasIndex(i => i.FormId).IsUnique().HasDatabaseName(Inquiry.FormIdIndex);
        inquiry.HasIndex(i => i.SubmittedAt);
        LeadLimits.ConfigurePersonColumns(inquiry);
        inquiry.Property(i => i.Message).HasMaxLength(LeadLimits.Message);
        inquiry.Property(i => i.ConsentText).HasMaxLength(1000);
        inquiry.Property(i => i.UtmSource).HasMaxLength(LeadLimits.Tracking);
        inquiry.Property(i => i.UtmMedium).HasMaxLength(LeadLimits.Tracking);
        inquiry.Property(i => i.UtmCampaign).HasMaxLength(LeadLimits.Tracking);
        inquiry.Property(i => i.Referrer).HasMaxLength(LeadLimits.Referrer);
        inquiry.Property(i => i.SpamReason).HasMaxLength(200);
        inquiry.Ignore(i => i.IsQuarantined);
    }
}
