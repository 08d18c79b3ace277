using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Editing;

public enum ChangeAction
{
    Created,
    Updated,
    Reordered,
    Deleted,
    Restored,
}

/// <summary>One saved change to one content item: who, when, and its values before and after as JSON.</summary>
public class ContentChange
{
    public long Id { get; set; }
    /// <summary>The content type's slug, as in the admin URLs (see <see cref="ContentTypes"/>).</summary>
    public required string ContentType { get; set; }
    public int ItemId { get; set; }
    /// <summary>The item's title when it was changed, so the audit page can name deleted items.</summary>
    public required string ItemTitle { get; set; }
    public ChangeAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The values "restore this version" brings back: for a deletion, the item as it was when deleted.</summary>
    public string? RestorableValues => Action is ChangeAction.Deleted ? Before : After;
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> change)
    {
        change.Property(c => c.ContentType).HasMaxLength(60);
        change.Property(c => c.ItemTitle).HasMaxLength(300);
        change.Property(c => c.ChangedBy).HasMaxLength(256);
        change.Property(c => c.Before).HasColumnType("jsonb");
        change.Property(c => c.After).HasColumnType("jsonb");
        change.HasIndex(c => new { c.ContentType, c.ItemId, c.ChangedAt });
        change.HasIndex(c => c.ChangedAt);
    }
}
