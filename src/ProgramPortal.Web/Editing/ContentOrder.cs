using ProgramPortal.Data;

namespace ProgramPortal.Editing;

public static class ContentOrder
{
    /// <summary>
    /// Swaps an item with its neighbour and renumbers the list 1..n, so gaps or ties left by
    /// earlier edits cannot make a move do nothing. False when the item is already at that end.
    /// </summary>
    public static async Task<bool> MoveAsync(PortalDbContext db, ContentHistory history, ContentType type, int id, bool up,
        string changedBy, CancellationToken cancellationToken)
    {
        var items = (await type.OrderedAsync(db, cancellationToken)).ToList();
        var index = items.FindIndex(item => (int)db.Entry(item).Property("Id").CurrentValue! == id);
        var target = up ? index - 1 : index + 1;
        if (index < 0 || target < 0 || target >= items.Count)
        {
            return false;
        }

        (items[index], items[target]) = (items[target], items[index]);
        for (var position = 0; position < items.Count; position++)
        {
            var sortOrder = db.Entry(items[position]).Property("SortOrder");
            if ((int)sortOrder.CurrentValue! != position + 1)
            {
                history.Track(type, items[position], ChangeAction.Reordered);
                sortOrder.CurrentValue = position + 1;
            }
        }

        await history.SaveAsync(changedBy, cancellationToken);
        return true;
    }
}
