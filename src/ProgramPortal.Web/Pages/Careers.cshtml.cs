using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Seo;

namespace ProgramPortal.Pages;

// Only the filter's keys vary the cache, so made-up query strings cannot fill it with copies.
[OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["track", "level"])]
public class CareersModel(PortalDbContext db) : PageModel
{
    public TrackCode? Track { get; private set; }
    public CareerLevel? Level { get; private set; }
    public IReadOnlyList<TrackName> AllTracks { get; private set; } = [];
    public IReadOnlyList<TrackSection> Sections { get; private set; } = [];
    public IReadOnlyList<RoleSalary> Roles { get; private set; } = [];
    public string? SalariesAsOf { get; private set; }
    public IReadOnlyList<CommonRoleView> CommonRoles { get; private set; } = [];
    public CollaborationView? Collaboration { get; private set; }

    // The filter is plain query-string values, so it works without JavaScript; anything that is
    // not a known name simply means "all".
    public async Task OnGetAsync(string? track, string? level, CancellationToken cancellationToken)
    {
        Track = Named<TrackCode>(track);
        Level = Named<CareerLevel>(level);

        Roles = await db.RoleSalaries(Track, Level).ToListAsync(cancellationToken);
        var rest = await db.ProgramRow()
            .Select(_ => new
            {
                Tracks = db.Tracks.OrderBy(t => t.SortOrder).Select(t => new TrackName(t.Code, t.Name)).ToList(),
                CommonRoles = db.CommonRoles.OrderBy(c => c.SortOrder)
                    .Select(c => new CommonRoleView(c.Title, c.Leaning)).ToList(),
                Collaboration = db.CollaborationExamples.OrderBy(c => c.Id)
                    .Select(c => new CollaborationView(c.Title, c.Scenario, c.ItContributions, c.IsContributions))
                    .FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);

        AllTracks = rest.Tracks;
        CommonRoles = rest.CommonRoles;
        Collaboration = rest.Collaboration;
        SalariesAsOf = Roles.AsOfLabel();

        // One scale for every chart, so a bar in the IS chart can be compared with one in the IT chart.
        var highest = Roles.Count == 0 ? 0 : Roles.Max(r => r.Median);
        Sections = AllTracks.Where(t => Track is null || t.Code == Track).Select(t =>
        {
            var roles = Roles.Where(r => r.Track == t.Code).ToList();
            var levels = Enum.GetValues<CareerLevel>()
                .Select(l => new LevelGroup(l, roles.Where(r => r.Level == l).ToList()))
                .Where(g => g.Roles.Count > 0).ToList();
            var bars = roles.OrderByDescending(r => r.Median)
                .Select(r => new ChartBar(r.Title, r.MedianText, highest == 0 ? 0 : (double)(r.Median / highest)))
                .ToList();
            return new TrackSection(t, levels, bars);
        }).ToList();
    }

    public string LeaningText(FieldLeaning leaning) => leaning switch
    {
        FieldLeaning.IS => $"Leans towards {NameOf(TrackCode.IS)}",
        FieldLeaning.IT => $"Leans towards {NameOf(TrackCode.IT)}",
        _ => "Both fields equally",
    };

    public static string LevelName(CareerLevel level) => level switch
    {
        CareerLevel.Entry => "Entry level",
        CareerLevel.Mid => "Mid-career",
        _ => "Senior level",
    };

    private string NameOf(TrackCode code) => AllTracks.FirstOrDefault(t => t.Code == code)?.Name ?? code.ToString();

    public JsonObject StructuredData => new()
    {
        ["@context"] = JsonLd.Context,
        ["@graph"] = JsonLd.Array(Roles.Select(Occupation)),
    };

    private static JsonObject Occupation(RoleSalary role)
    {
        var occupation = new JsonObject
        {
            ["@type"] = "Occupation",
            ["name"] = role.Title,
            ["description"] = role.Description,
            ["occupationLocation"] = new JsonArray(new JsonObject { ["@type"] = "Country", ["name"] = "United States" }),
            ["estimatedSalary"] = new JsonArray(new JsonObject
            {
                ["@type"] = "MonetaryAmountDistribution",
                ["name"] = "median",
                ["currency"] = "USD",
                ["duration"] = "P1Y",
                ["median"] = (double)role.Median,
            }),
        };
        if (role.TakenOn is { } takenOn)
        {
            // schema.org's place for the date salary figures were taken.
            occupation["mainEntityOfPage"] = new JsonObject
            {
                ["@type"] = "WebPage",
                ["lastReviewed"] = takenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }

        return occupation;
    }

    private static T? Named<T>(string? value) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>()
            .FirstOrDefault(v => string.Equals(v.ToString(), value, StringComparison.OrdinalIgnoreCase));

    public sealed record TrackName(TrackCode Code, string Name);

    public sealed record TrackSection(TrackName Track, IReadOnlyList<LevelGroup> Levels, IReadOnlyList<ChartBar> Chart);

    public sealed record LevelGroup(CareerLevel Level, IReadOnlyList<RoleSalary> Roles);

    public sealed record ChartBar(string Title, string Median, double Share)
    {
        public string Width => (Share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    public sealed record CommonRoleView(string Title, FieldLeaning Leaning);

    public sealed record CollaborationView(string Title, string Scenario, List<string> ItContributions,
        List<string> IsContributions);
}
