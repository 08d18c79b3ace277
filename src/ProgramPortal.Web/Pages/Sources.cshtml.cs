using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;

namespace ProgramPortal.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class SourcesModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<SourceView> Sources { get; private set; } = [];

    /// <summary>The "as of" month the salary pages show: the stalest source behind any salary.</summary>
    public string? SalariesAsOf { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sources = await db.Sources.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new SourceView(s.Id, s.Name, s.Publisher, s.Url, s.RetrievedOn, s.UsedFor,
                s.Statistics.OrderBy(st => st.SortOrder).Select(st => st.Label).ToList(),
                s.CareerRoles.OrderBy(r => r.SortOrder).Select(r => r.Title).ToList()))
            .ToListAsync(cancellationToken);

        SalariesAsOf = AsOf.Label(Sources.Where(s => s.SalaryRoles.Count > 0).Select(s => s.RetrievedOn));
    }

    public sealed record SourceView(int Id, string Name, string Publisher, string? Url, DateOnly RetrievedOn,
        string UsedFor, List<string> Statistics, List<string> SalaryRoles)
    {
        public string Retrieved => AsOf.MonthYear(RetrievedOn);
    }
}
