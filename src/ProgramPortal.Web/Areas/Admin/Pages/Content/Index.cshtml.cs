using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content;

/// <summary>The content home: every kind of content staff edit, what it is, and how many items it has.</summary>
public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<TypeSummary> PublicSite { get; private set; } = [];
    public IReadOnlyList<TypeSummary> FollowUpEmails { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PublicSite = await SummariseAsync(ContentTypes.PublicSite, cancellationToken);
        FollowUpEmails = await SummariseAsync(ContentTypes.FollowUpEmails, cancellationToken);
    }

    private async Task<IReadOnlyList<TypeSummary>> SummariseAsync(IReadOnlyList<ContentType> types, CancellationToken cancellationToken)
    {
        var summaries = new List<TypeSummary>();
        foreach (var type in types)
        {
            summaries.Add(new TypeSummary(type, await type.CountAsync(db, cancellationToken)));
        }

        return summaries;
    }

    public sealed record TypeSummary(ContentType Type, int Count);
}
