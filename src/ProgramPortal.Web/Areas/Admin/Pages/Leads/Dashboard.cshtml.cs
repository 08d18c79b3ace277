using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Leads;

namespace ProgramPortal.Areas.Admin.Pages.Leads;

/// <summary>How many leads came in and from where, what became of them, and how the emails fared.</summary>
public class DashboardModel(PortalDbContext db, TimeProvider clock, PortalTime time) : PageModel
{
    public const int Weeks = 26;
    private const int TopSources = 10;

    public IReadOnlyList<Bar> PerWeek { get; private set; } = [];
    public IReadOnlyList<Bar> ByTrack { get; private set; } = [];
    public IReadOnlyList<Bar> BySource { get; private set; } = [];
    public IReadOnlyList<Bar> ByStatus { get; private set; } = [];
    public IReadOnlyList<Bar> EmailsByStatus { get; private set; } = [];
    public int Total { get; private set; }
    public int SentLast30Days { get; private set; }
    public int FailedLast30Days { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var thisWeek = WeekStart(time.Day(now));
        var firstWeek = thisWeek.AddDays(-7 * (Weeks - 1));
        var counts = await WeeklyCountsAsync(firstWeek, cancellationToken);
        PerWeek = [.. Enumerable.Range(0, Weeks).Select(i => firstWeek.AddDays(7 * i))
            .Select(week => new Bar($"Week of {week:yyyy-MM-dd}", counts.GetValueOrDefault(week), week.ToString("d MMM", CultureInfo.InvariantCulture)))];

        ByTrack = await CountByAsync(db.Leads.Select(l => l.Track), track => track.Describe(), cancellationToken);
        ByStatus = await CountByAsync(db.Leads.Select(l => l.Status), status => status.ToString(), cancellationToken);
        EmailsByStatus = await CountByAsync(db.LeadEmails.Select(e => e.Status), status => status.ToString(), cancellationToken);
        Total = ByStatus.Sum(bar => bar.Count);

        // Sources are free text from links, so there may be thousands: the database returns only the top ones.
        var top = await db.Leads.Where(l => l.UtmSource != null).GroupBy(l => l.UtmSource!)
            .Select(g => new { Source = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Source).Take(TopSources)
            .ToListAsync(cancellationToken);
        var direct = await db.Leads.CountAsync(l => l.UtmSource == null, cancellationToken);
        var others = Total - direct - top.Sum(x => x.Count);
        BySource = [.. top.Select(x => new Bar(x.Source, x.Count)),
            .. others > 0 ? [new Bar("Other sources", others)] : Array.Empty<Bar>(),
            new Bar("No campaign (came directly)", direct)];

        var monthAgo = now.AddDays(-30);
        SentLast30Days = await db.LeadEmails.CountAsync(e => e.Status == LeadEmailStatus.Sent && e.SentAt >= monthAgo, cancellationToken);
        FailedLast30Days = await db.LeadEmails.CountAsync(
            e => e.Status == LeadEmailStatus.Failed && e.LastAttemptAt >= monthAgo, cancellationToken);
    }

    /// <summary>A count for every value of the enum, zero included, in the enum's order.</summary>
    private static async Task<IReadOnlyList<Bar>> CountByAsync<TKey>(IQueryable<TKey> keys, Func<TKey, string> label,
        CancellationToken cancellationToken) where TKey : struct, Enum
    {
        var counts = await keys.GroupBy(key => key).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return [.. Enum.GetValues<TKey>().Select(key => new Bar(label(key), counts.GetValueOrDefault(key)))];
    }

    /// <summary>The Monday of the week a day falls in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private async Task<Dictionary<DateOnly, int>> WeeklyCountsAsync(DateOnly firstWeek, CancellationToken cancellationToken)
    {
        var start = time.StartOf(firstWeek);
        // date_trunc('week') starts weeks on Monday; AT TIME ZONE makes them the portal's weeks whatever
        // the database server's zone (PostgreSQL knows the same IANA ids).
        var weeks = await db.Database.SqlQuery<WeekCount>($"""
            SELECT date_trunc('week', created_at AT TIME ZONE {time.ZoneName})::date AS week, count(*)::int AS leads
            FROM leads WHERE created_at >= {start}
            GROUP BY 1
            """).ToListAsync(cancellationToken);
        return weeks.ToDictionary(w => w.Week, w => w.Leads);
    }

    private sealed record WeekCount(DateOnly Week, int Leads);

    /// <summary>One count of a breakdown; the short label is what fits under a column of the chart.</summary>
    public sealed record Bar(string Label, int Count, string? ShortLabel = null);
}

public sealed record BarChart(string Id, string Title, IReadOnlyList<DashboardModel.Bar> Bars, int BarWidth = 22, int LabelEvery = 4);

public sealed record CountTable(string Caption, string Heading, IReadOnlyList<DashboardModel.Bar> Rows);
