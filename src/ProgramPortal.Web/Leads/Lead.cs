using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramPortal.Email;

namespace ProgramPortal.Leads;

public enum TrackInterest
{
    IS,
    IT,
    Undecided,
}

public enum LeadStatus
{
    New,
    Contacted,
    Applied,
    Enrolled,
    Closed,
}

/// <summary>
/// A prospective student: made from their first accepted inquiry and kept current by later ones
/// within the repeat window. What each submission said is kept on its <see cref="Inquiry"/>.
/// </summary>
public class Lead
{
    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    /// <summary>The address as matched: trimmed, NFC and lower-cased; repeats are found by it.</summary>
    public required string NormalizedEmail { get; set; }
    public string? Phone { get; set; }
    public required string CountryCode { get; set; }
    public TrackInterest Track { get; set; }
    public required string StartTerm { get; set; }
    public int YearsOfExperience { get; set; }
    public required string ConsentVersion { get; set; }
    public LeadStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastInquiryAt { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }
    /// <summary>
    /// The UTM source of the inquiry that made the lead (first touch), copied here so the admin list
    /// can filter and count by it at any size without joining every inquiry.
    /// </summary>
    public string? UtmSource { get; set; }
    /// <summary>Set when the person's data was erased (on request or by retention); the row stays for the counts.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public List<Inquiry> Inquiries { get; set; } = [];
    public List<LeadEmail> Emails { get; set; } = [];
    public List<LeadNote> Notes { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> lead)
    {
        LeadLimits.ConfigurePersonColumns(lead);
        lead.HasIndex(l => new { l.NormalizedEmail, l.LastInquiryAt });
        lead.HasIndex(l => l.Status);
        lead.Property(l => l.UtmSource).HasMaxLength(LeadLimits.Tracking);
        lead.Ignore(l => l.FullName);
        LeadListIndexes.Configure(lead);
    }
}

/// <summary>Field lengths shared by the form, the entities and the database columns.</summary>
public static class LeadLimits
{
    public const int Name = 100;
    public const int Email = 254;
    public const int Phone = 30;
    public const int StartTerm = 20;
    public const int Message = 2000;
    public const int Tracking = 200;
    public const int Referrer = 500;
    public const int ConsentVersion = 20;

    /// <summary>A lead and each of its inquiries hold the same person details, with the same limits.</summary>
    internal static void ConfigurePersonColumns<T>(EntityTypeBuilder<T> entity) where T : class
    {
        entity.Property<string>(nameof(Lead.FirstName)).HasMaxLength(Name);
        entity.Property<string>(nameof(Lead.LastName)).HasMaxLength(Name);
        entity.Property<string>(nameof(Lead.Email)).HasMaxLength(Email);
        entity.Property<string>(nameof(Lead.NormalizedEmail)).HasMaxLength(Email);
        entity.Property<string?>(nameof(Lead.Phone)).HasMaxLength(Phone);
        entity.Property<string>(nameof(Lead.CountryCode)).HasMaxLength(2);
        entity.Property<string>(nameof(Lead.StartTerm)).HasMaxLength(StartTerm);
        entity.Property<string>(nameof(Lead.ConsentVersion)).HasMaxLength(ConsentVersion);
    }
}
