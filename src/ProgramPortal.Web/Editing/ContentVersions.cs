using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Hosting;

namespace ProgramPortal.Editing;

/// <summary>A version of an item staff can go back to, with the words that name it in messages.</summary>
public sealed record RestorableVersion(string Key, string Values, string Description);

/// <summary>
/// The versions of an item its history offers: the values after each recorded change (for a
/// deletion, the item as it was deleted), and the original, the values before the first recorded
/// change. History is only written when something changes, so the original is the one place the
/// values an item was set up with (seeded content) are kept; without it a first edit could not be undone.
/// </summary>
public static class ContentVersions
{
    public const string OriginalKey = "original";

    /// <summary>The item's recorded changes, newest first.</summary>
    public static async Task<IReadOnlyList<ContentChange>> ChangesAsync(PortalDbContext db, ContentType type, int id,
        CancellationToken cancellationToken) =>
        await db.ContentChanges.AsNoTracking()
            .Where(c => c.ContentType == type.Slug && c.ItemId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The values before the first change, or null when there is nothing else to offer: no change
    /// yet, a first change that created the item (it had no values before), or one that deleted it
    /// (the deletion's own version already holds them).
    /// </summary>
    public static string? OriginalValues(IReadOnlyList<ContentChange> newestFirst) =>
        newestFirst.Count > 0 && newestFirst[^1] is { Action: not (ChangeAction.Created or ChangeAction.Deleted), Before: { } before }
            ? before
            : null;

    /// <summary>The version a restore link names (a change's id, or <see cref="OriginalKey"/>), or null.</summary>
    public static async Task<RestorableVersion?> FindAsync(PortalDbContext db, ContentType type, int id, string key,
        PortalTime time, CancellationToken cancellationToken)
    {
        if (key == OriginalKey)
        {
            return OriginalValues(await ChangesAsync(db, type, id, cancellationToken)) is { } original
                ? new RestorableVersion(key, original, "the original version, as it was before its first recorded change")
                : null;
        }

        if (!long.TryParse(key, out var changeId))
        {
            return null;
        }

        var change = await db.ContentChanges.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == changeId && c.ContentType == type.Slug && c.ItemId == id, cancellationToken);
        return change?.RestorableValues is { } values
            ? new RestorableVersion(key, values, $"the version saved {time.ShowWithZone(change.ChangedAt)} by {change.ChangedBy}")
            : null;
    }
}
