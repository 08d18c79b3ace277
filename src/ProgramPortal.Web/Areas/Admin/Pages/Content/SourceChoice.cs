using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Areas.Admin.Pages.Content;

/// <summary>A source as offered on the forms of the figures that must cite one.</summary>
public sealed record SourceChoice(int Id, string Title, DateOnly RetrievedOn)
{
    public static async Task<IReadOnlyList<SourceChoice>> LoadAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Sources.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new SourceChoice(s.Id, s.Publisher + ": " + s.Name, s.RetrievedOn))
            .ToListAsync(cancellationToken);
}
