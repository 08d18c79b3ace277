using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;

namespace ProgramPortal.Pages;

public class IndexModel(PortalDbContext db) : PageModel
{
    public ProgramView Program { get; private set; } = null!;
    public IReadOnlyList<StatisticView> Statistics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Program = await db.Programs.AsNoTracking()
            .Select(p => new ProgramView(p.Name, p.ShortName, p.University, p.Format, p.MinimumDurationMonths,
                p.Summary, p.Pathways, p.AdmissionNote))
            .FirstAsync(cancellationToken);

        Statistics = await db.Statistics.AsNoTracking()
            .OrderBy(s => s.SortOrder)
            .Select(s => new StatisticView(s.Label, Statistic.Format(s.Value, s.Unit), s.Period,
                s.Source!.Publisher, s.Source.Name, s.Source.Url, s.Source.RetrievedOn))
            .ToListAsync(cancellationToken);
    }

    public sealed record ProgramView(string Name, string ShortName, string University, string Format,
        int MinimumDurationMonths, string Summary, List<string> Pathways, string AdmissionNote);

    public sealed record StatisticView(string Label, string Value, string Period,
        string Publisher, string SourceName, string? SourceUrl, DateOnly RetrievedOn)
    {
        public string Retrieved => AsOf.MonthYear(RetrievedOn);
    }
}
