using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Editing;

/// <summary>
/// Saves content edits together with their history. Pages tell it which items they are about to
/// change (so it can take the "before" values), change them, then call <see cref="SaveAsync"/>:
/// the items and their history rows are written in one transaction, so neither exists without the other.
/// </summary>
public sealed class ContentHistory(PortalDbContext db, TimeProvider clock)
{
    private readonly List<Pending> _pending = [];

    /// <summary>Call before changing a tracked item (or after adding a new one, for Created).</summary>
    public void Track(ContentType type, object item, ChangeAction action)
    {
        var before = action is ChangeAction.Created
            ? null
            : ContentSnapshot.Take(db.Entry(item), type.LinkedCollection);
        _pending.Add(new Pending(type, item, action, before));
    }

    /// <summary>Saves; a DbUpdateConcurrencyException means someone else saved one of the items first.</summary>
    public async Task SaveAsync(string changedBy, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var change in _pending)
            {
                var entry = db.Entry(change.Item);
                db.ContentChanges.Add(new ContentChange
                {
                    ContentType = change.Type.Slug,
                    ItemId = (int)entry.Property("Id").CurrentValue!,
                    ItemTitle = Truncate(change.Type.TitleOf(change.Item), 300),
                    Action = change.Action,
                    Before = change.Before,
                    After = change.Action is ChangeAction.Deleted ? null : ContentSnapshot.Take(entry, change.Type.LinkedCollection),
                    ChangedBy = changedBy,
                    ChangedAt = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>
    /// Puts an item back to the values of an earlier version (see <see cref="ContentVersions"/>),
    /// re-creating it (with its old id) when it has been deleted since. Restoring is itself recorded
    /// as a change. Returns why the version cannot be restored (see
    /// <see cref="ContentType.RestoreProblemsAsync"/>), having saved nothing, or nothing.
    /// </summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(ContentType type, int id, string values, string changedBy,
        CancellationToken cancellationToken)
    {
        var item = await type.FindAsync(db, id, cancellationToken);
        if (item is null)
        {
            item = Activator.CreateInstance(type.EntityType)!;
            db.Add(item);
            db.Entry(item).Property("Id").CurrentValue = id;
            await ContentSnapshot.ApplyAsync(db, db.Entry(item), values, type.LinkedCollection, cancellationToken);
            _pending.Add(new Pending(type, item, ChangeAction.Restored, null));
        }
        else
        {
            Track(type, item, ChangeAction.Restored);
            await ContentSnapshot.ApplyAsync(db, db.Entry(item), values, type.LinkedCollection, cancellationToken);
            db.Entry(item).State = EntityState.Modified;
        }

        if (await type.RestoreProblemsAsync(db, item, cancellationToken) is { Count: > 0 } problems)
        {
            _pending.Clear();
            db.ChangeTracker.Clear();
            return problems;
        }

        await SaveAsync(changedBy, cancellationToken);
        return [];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record Pending(ContentType Type, object Item, ChangeAction Action, string? Before);
}
