using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;

namespace ProgramPortal.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class CompareModel(PortalDbContext db) : PageModel
{
    public string IsName { get; private set; } = "";
    public string ItName { get; private set; } = "";
    public IReadOnlyList<RowView> Rows { get; private set; } = [];
    public IReadOnlyList<SkillView> Skills { get; private set; } = [];
    public string? SalariesAsOf { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = await db.RoleSalaries().ToListAsync(cancellationToken);
        var content = await db.ProgramRow()
            .Select(_ => new
            {
                Tracks = db.Tracks.Select(t => new { t.Code, t.Name }).ToList(),
                Rows = db.ComparisonRows.OrderBy(r => r.SortOrder)
                    .Select(r => new { r.Category, r.Kind, r.IsText, r.ItText }).ToList(),
                Skills = db.SharedSkills.OrderBy(s => s.SortOrder)
                    .Select(s => new SkillView(s.Name, s.Description)).ToList(),
            })
            .SingleAsync(cancellationToken);

        IsName = content.Tracks.FirstOrDefault(t => t.Code == TrackCode.IS)?.Name ?? "Information Systems";
        ItName = content.Tracks.FirstOrDefault(t => t.Code == TrackCode.IT)?.Name ?? "Information Technology";
        SalariesAsOf = roles.AsOfLabel();
        Skills = content.Skills;
        // The salary range is never typed in: it is the span of the roles' medians, so it cannot drift from them.
        Rows = content.Rows.Select(r => r.Kind == ComparisonRowKind.SalaryRange
            ? new RowView(r.Category, RangeText(roles.RangeOf(TrackCode.IS)), RangeText(roles.RangeOf(TrackCode.IT)))
            : new RowView(r.Category, r.IsText ?? "", r.ItText ?? "")).ToList();
    }

    private static string RangeText(SalaryRange? range) => range?.ToString() ?? "No roles listed yet";

    public sealed record RowView(string Category, string IsText, string ItText);

    public sealed record SkillView(string Name, string Description);
}
