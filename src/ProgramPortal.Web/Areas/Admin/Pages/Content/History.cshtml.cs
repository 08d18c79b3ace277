using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content;

public class HistoryModel(PortalDbContext db) : PageModel
{
    public ContentType Type { get; private set; } = null!;
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool Exists { get; private set; }
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    /// <summary>Whether the values from before the first change can be restored (see <see cref="ContentVersions"/>).</summary>
    public bool HasOriginal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (ContentTypes.Find(type) is not { } contentType)
        {
            return NotFound();
        }

        Type = contentType;
        Id = id;
        var item = await contentType.FindAsync(db, id, cancellationToken);
        Exists = item is not null;
        var changes = await ContentVersions.ChangesAsync(db, contentType, id, cancellationToken);
        if (changes.Count == 0 && !Exists)
        {
            return NotFound();
        }

        Title = item is not null ? contentType.TitleOf(item) : changes[0].ItemTitle;
        HasOriginal = ContentVersions.OriginalValues(changes) is not null;
        Versions = [.. changes.Select((c, index) => new VersionView(c.Id, c.ChangedAt, c.ChangedBy, c.Action,
            ContentSnapshot.Compare(c.Before, c.After),
            // The newest version of an existing item is what it is now: nothing to restore.
            CanRestore: c.RestorableValues is not null && (index > 0 || !Exists)))];
        return Page();
    }

    public sealed record VersionView(long Id, DateTimeOffset ChangedAt, string ChangedBy, ChangeAction Action,
        IReadOnlyList<FieldDifference> Changes, bool CanRestore);
}
