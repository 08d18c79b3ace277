using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content;

public class ListModel(PortalDbContext db, ContentHistory history) : PageModel
{
    public ContentType Type { get; private set; } = null!;
    public IReadOnlyList<ContentListItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, CancellationToken cancellationToken)
    {
        if (ContentTypes.Find(type) is not { } contentType)
        {
            return NotFound();
        }

        Type = contentType;
        Items = await contentType.ListAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(string type, int id, bool up, CancellationToken cancellationToken)
    {
        if (ContentTypes.Find(type) is not { Orderable: true } contentType)
        {
            return NotFound();
        }

        try
        {
            var moved = await ContentOrder.MoveAsync(db, history, contentType, id, up, User.Identity!.Name!, cancellationToken);
            this.SetStatus(moved ? $"Moved it {(up ? "up" : "down")}." : $"It is already {(up ? "first" : "last")}.");
        }
        catch (DbUpdateConcurrencyException)
        {
            this.SetStatus("Someone else changed this list at the same moment; nothing was moved. Please try again.");
        }

        return Redirect(contentType.ListUrl);
    }
}
