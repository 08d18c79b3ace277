using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content;

public class HistoryModel(PortalDbContext db, ContentHistory history) : PageModel
{
    public ContentType Type { get; private set; } = null!;
    public int Id { get; private set; }
    public bool Exists { get; private set; }
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (ContentTypes.Find(type) is not { } contentType)
        {
            return NotFound();
        }

        Type = contentType;
        Id = id;
        Exists = await contentType.FindAsync(db, id, cancellationToken) is not null;
        var changes = await db.ContentChanges.AsNoTracking()
            .Where(c => c.ContentType == contentType.Slug && c.ItemId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        if (changes.Count == 0 && !Exists)
        {
            return NotFound();
        }

        Versions = [.. changes.Select((c, index) => new VersionView(c.Id, c.ChangedAt, c.ChangedBy, c.Action, c.ItemTitle,
            ContentSnapshot.Compare(c.Before, c.After),
            // The newest version of an existing item is what it is now: nothing to restore.
            CanRestore: c.RestorableValues is not null && (index > 0 || !Exists)))];
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string type, int id, long change, CancellationToken cancellationToken)
    {
        if (ContentTypes.Find(type) is not { } contentType)
        {
            return NotFound();
        }

        var version = await db.ContentChanges.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == change && c.ContentType == contentType.Slug && c.ItemId == id, cancellationToken);
        if (version?.RestorableValues is null)
        {
            return NotFound();
        }

        try
        {
            var problems = await history.RestoreAsync(contentType, version, User.Identity!.Name!, cancellationToken);
            this.SetStatus(problems.Count > 0
                ? "That version could not be restored: " + string.Join(" ", problems)
                : $"Restored the version saved {version.ChangedAt:yyyy-MM-dd HH:mm} UTC by {version.ChangedBy}. {contentType.SavedNote}");
        }
        catch (DbUpdateConcurrencyException)
        {
            this.SetStatus("Someone else saved this item at the same moment; nothing was restored. Check the history and try again.");
        }
        catch (DbUpdateException)
        {
            this.SetStatus("That version could not be restored: it refers to something that no longer exists, such as a deleted source. Restore that first.");
        }

        return Redirect(contentType.HistoryUrl(id));
    }

    public sealed record VersionView(long Id, DateTimeOffset ChangedAt, string ChangedBy, ChangeAction Action, string Title,
        IReadOnlyList<FieldDifference> Changes, bool CanRestore);
}
