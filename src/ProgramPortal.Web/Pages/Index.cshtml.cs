using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Hosting;
using ProgramPortal.Seo;

namespace ProgramPortal.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class IndexModel(PortalDbContext db, IOptions<SiteOptions> site) : PageModel
{
    public ProgramView Program { get; private set; } = null!;
    public IReadOnlyList<StatisticView> Statistics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Program = await db.ProgramRow()
            .Select(p => new ProgramView(p.Name, p.ShortName, p.University, p.Format, p.MinimumDurationMonths,
                p.Summary, p.Pathways, p.AdmissionNote,
                db.Tracks.OrderBy(t => t.SortOrder)
                    .Select(t => new TrackBrief(t.Code, t.Name, t.Purpose, t.CoreComponents)).ToList()))
            .SingleAsync(cancellationToken);

        Statistics = await db.Statistics.AsNoTracking()
            .OrderBy(s => s.SortOrder)
            .Select(s => new StatisticView(s.Label, Statistic.Format(s.Value, s.Unit), s.Period,
                s.Source!.Publisher, s.Source.Name, s.Source.Url, s.Source.RetrievedOn))
            .ToListAsync(cancellationToken);
    }

    public JsonObject StructuredData => new()
    {
        ["@context"] = JsonLd.Context,
        ["@type"] = "EducationalOccupationalProgram",
        ["name"] = Program.Name,
        ["alternateName"] = Program.ShortName,
        ["description"] = Program.Summary,
        ["url"] = site.Value.UrlFor("/"),
        ["provider"] = new JsonObject { ["@type"] = "CollegeOrUniversity", ["name"] = Program.University },
        ["educationalProgramMode"] = Program.Format.ToLowerInvariant(),
        ["timeToComplete"] = $"P{Program.MinimumDurationMonths}M",
        ["programPrerequisites"] = Program.AdmissionNote,
    };

    public sealed record ProgramView(string Name, string ShortName, string University, string Format,
        int MinimumDurationMonths, string Summary, List<string> Pathways, string AdmissionNote,
        List<TrackBrief> Tracks);

    public sealed record TrackBrief(TrackCode Code, string Name, string Purpose, List<string> CoreComponents);

    public sealed record StatisticView(string Label, string Value, string Period,
        string Publisher, string SourceName, string? SourceUrl, DateOnly RetrievedOn)
    {
        public string Retrieved => AsOf.MonthYear(RetrievedOn);
    }
}
