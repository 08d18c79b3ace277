using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Leads;

/// <summary>How the request-information form and the follow-up emails behave (section "Leads").</summary>
public sealed class LeadOptions
{
    public const string Section = "Leads";

    /// <summary>A second inquiry from the same address within this time updates the lead instead of making a new one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A form sent back faster than a person can fill it in is quarantined as suspected spam.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Form posts allowed per client IP address within <see cref="FormRateWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int FormPostsPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FormRateWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the new-lead notification goes.</summary>
    [Required, EmailAddress]
    public string AdmissionsInbox { get; set; } = "admissions@programportal.local";

    [Range(1, 50)]
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed send; it doubles with each further failure, up to 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sender owns an email it claimed; after that another sender may retry it.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);
}
