using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Seo;

namespace ProgramPortal.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class FaqModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<ItemView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await db.FaqItems.AsNoTracking().OrderBy(f => f.SortOrder)
            .Select(f => new ItemView(f.Id, f.Question, f.Answer))
            .ToListAsync(cancellationToken);

    public JsonObject StructuredData => new()
    {
        ["@context"] = JsonLd.Context,
        ["@type"] = "FAQPage",
        ["mainEntity"] = JsonLd.Array(Items.Select(item => new JsonObject
        {
            ["@type"] = "Question",
            ["name"] = item.Question,
            ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = item.Answer },
        })),
    };

    public sealed record ItemView(int Id, string Question, string Answer);
}
