using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;
using ProgramPortal.Hosting;

namespace ProgramPortal.Areas.Admin.Pages.Content;

/// <summary>Asks before restoring a version, showing field by field what the item has now and what it would get.</summary>
public class RestoreModel(PortalDbContext db, ContentHistory history, PortalTime time) : PageModel
{
    public ContentType Type { get; private set; } = null!;
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool Exists { get; private set; }
    public RestorableVersion Chosen { get; private set; } = null!;
    /// <summary>Each field restoring would change: Left is its value now, Right the restored one.</summary>
    public IReadOnlyList<FieldDifference> Changes { get; private set; } = [];

    /// <summary>The row version the differences were worked out against; 0 while the item is deleted.</summary>
    [BindProperty] public uint Current { get; set; }

    public async Task<IActionResult> OnGetAsync(string type, int id, string version, CancellationToken cancellationToken) =>
        await LoadAsync(type, id, version, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string type, int id, string version, CancellationToken cancellationToken)
    {
        var shown = Current;
        if (await LoadAsync(type, id, version, cancellationToken) is not { } now)
        {
            return NotFound();
        }

        if (now != shown)
        {
            ModelState.AddModelError("", $"Someone changed this {Type.Singular} after you opened this page, so nothing was restored. "
                + "The differences below are now up to date: check them and confirm again.");
            return Page();
        }

        try
        {
            var problems = await history.RestoreAsync(Type, id, Chosen.Values, User.Identity!.Name!, cancellationToken);
            if (problems.Count > 0)
            {
                ModelState.AddModelError("", "That version could not be restored: " + string.Join(" ", problems));
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            this.SetStatus($"Someone else saved this {Type.Singular} at the same moment; nothing was restored. Check the history and try again.");
            return Redirect(Type.HistoryUrl(id));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(type, id, version, cancellationToken);
            ModelState.AddModelError("", "That version could not be restored: it refers to something that no longer exists, "
                + "such as a deleted source. Restore that first.");
            return Page();
        }

        this.SetStatus($"Restored {Chosen.Description}. {Type.SavedNote}");
        return Redirect(Type.HistoryUrl(id));
    }

    /// <summary>The item's row version now (0 while deleted), or null when the type or version does not exist.</summary>
    private async Task<uint?> LoadAsync(string type, int id, string version, CancellationToken cancellationToken)
    {
        if (ContentTypes.Find(type) is not { } contentType
            || await ContentVersions.FindAsync(db, contentType, id, version, time, cancellationToken) is not { } chosen)
        {
            return null;
        }

        Type = contentType;
        Id = id;
        Chosen = chosen;
        var item = await contentType.FindAsync(db, id, cancellationToken);
        Exists = item is not null;
        Title = item is not null ? contentType.TitleOf(item) : await DeletedTitleAsync(contentType, id, cancellationToken);
        Changes = ContentSnapshot.Compare(item is null ? null : ContentSnapshot.Take(db.Entry(item), contentType.LinkedCollection), chosen.Values);
        Current = item is null ? 0 : ContentType.VersionOf(db, item);
        return Current;
    }

    private Task<string> DeletedTitleAsync(ContentType type, int id, CancellationToken cancellationToken) =>
        db.ContentChanges.Where(c => c.ContentType == type.Slug && c.ItemId == id)
            .OrderByDescending(c => c.Id).Select(c => c.ItemTitle).FirstAsync(cancellationToken);
}
