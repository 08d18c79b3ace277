using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Leads.Privacy;

public enum ErasureReason
{
    /// <summary>The person asked for their data to be erased.</summary>
    Request,
    /// <summary>The lead was older than the retention period.</summary>
    Retention,
}

/// <summary>
/// The record that a lead's personal data was erased: which lead row, when, why and by whom (a staff
/// member or the retention job). It holds nothing about the person.
/// </summary>
public class LeadErasure
{
    public long Id { get; set; }
    public int LeadId { get; set; }
    public DateTimeOffset ErasedAt { get; set; }
    public ErasureReason Reason { get; set; }
    public required string ErasedBy { get; set; }
}

internal sealed class LeadErasureConfiguration : IEntityTypeConfiguration<LeadErasure>
{
    public void Configure(EntityTypeBuilder<LeadErasure> erasure)
    {
        erasure.Property(e => e.ErasedBy).HasMaxLength(256);
        erasure.HasIndex(e => e.ErasedAt);
        erasure.HasIndex(e => e.LeadId);
    }
}
