using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Leads;

/// <summary>A remark by admissions staff on a lead (a call made, a question answered), signed and dated.</summary>
public class LeadNote
{
    public const int MaxLength = 4000;

    public int Id { get; set; }
    public int LeadId { get; set; }
    public Lead? Lead { get; set; }
    /// <summary>The staff member's email address at the time of writing.</summary>
    public required string Author { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
    public required string Text { get; set; }
}

internal sealed class LeadNoteConfiguration : IEntityTypeConfiguration<LeadNote>
{
    public void Configure(EntityTypeBuilder<LeadNote> note)
    {
        note.HasOne(n => n.Lead).WithMany(l => l.Notes).OnDelete(DeleteBehavior.Cascade);
        note.Property(n => n.Author).HasMaxLength(256);
        note.Property(n => n.Text).HasMaxLength(LeadNote.MaxLength);
        note.HasIndex(n => new { n.LeadId, n.WrittenAt });
    }
}
