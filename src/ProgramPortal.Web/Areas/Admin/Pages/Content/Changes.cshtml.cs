using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content;

/// <summary>The audit trail: the most recent content changes by anyone.</summary>
public class ChangesModel(PortalDbContext db) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var changes = await db.ContentChanges.AsNoTracking()
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        Changes = [.. changes.Select(c => new ChangeView(c.ChangedAt, c.ChangedBy, c.Action, ContentTypes.Find(c.ContentType),
            c.ContentType, c.ItemId, c.ItemTitle, [.. ContentSnapshot.Compare(c.Before, c.After).Select(d => d.Field)]))];
    }

    public sealed record ChangeView(DateTimeOffset ChangedAt, string ChangedBy, ChangeAction Action, ContentType? Type,
        string TypeSlug, int ItemId, string Title, IReadOnlyList<string> Fields);
}
