using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content;

public class DeleteModel(PortalDbContext db, ContentHistory history) : PageModel
{
    public ContentType Type { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public IReadOnlyList<string> Blockers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken) =>
        await LoadAsync(type, id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(type, id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        if (Blockers.Count > 0)
        {
            return Page();
        }

        await Type.DeletingAsync(db, history, item, cancellationToken);
        history.Track(Type, item, ChangeAction.Deleted);
        db.Remove(item);
        try
        {
            await history.SaveAsync(User.Identity!.Name!, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Something started citing it between the check and the delete; the database refused.
            ModelState.AddModelError("", $"This {Type.Singular} could not be deleted because other content now relies on it. Reload and try again.");
            return Page();
        }

        this.SetStatus($"Deleted the {Type.Singular}. Its history keeps every version, so it can be restored.");
        return Redirect(Type.ListUrl);
    }

    private async Task<object?> LoadAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (ContentTypes.Find(type) is not { FixedSet: false } contentType
            || await contentType.FindAsync(db, id, cancellationToken) is not { } item)
        {
            return null;
        }

        Type = contentType;
        Title = contentType.TitleOf(item);
        Blockers = await contentType.DeleteBlockersAsync(db, id, cancellationToken);
        return item;
    }
}
