using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Leads.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// One export of leads: who took which filtered set, when, and how many rows left. Written before the
/// first row is sent, so an export the browser broke off is on record too (with no completion time).
/// </summary>
public class LeadExport
{
    public int Id { get; set; }
    public required string ExportedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public ExportFormat Format { get; set; }
    /// <summary>The filter as the list's query string, so the record links to the same view.</summary>
    public required string Filter { get; set; }
    /// <summary>The filter in words, as staff chose it.</summary>
    public required string FilterDescription { get; set; }
    public int RowCount { get; set; }
}

internal sealed class LeadExportConfiguration : IEntityTypeConfiguration<LeadExport>
{
    public void Configure(EntityTypeBuilder<LeadExport> export)
    {
        export.Property(e => e.ExportedBy).HasMaxLength(256);
        export.Property(e => e.Filter).HasMaxLength(2000);
        export.Property(e => e.FilterDescription).HasMaxLength(2000);
        export.HasIndex(e => e.StartedAt);
    }
}
