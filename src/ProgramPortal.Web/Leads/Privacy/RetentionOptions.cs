using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Leads.Privacy;

/// <summary>How long leads are kept (section "LeadRetention").</summary>
public sealed class RetentionOptions
{
    public const string Section = "LeadRetention";

    /// <summary>A lead whose latest inquiry is older than this many months has its personal data erased.</summary>
    [Range(1, 1200, ErrorMessage = "LeadRetention:Months must be a whole number of months from 1 to 1200.")]
    public int Months { get; set; } = 24;
}
