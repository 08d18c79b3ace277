using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Content;
using ProgramPortal.Data;

namespace ProgramPortal.Editing;

public sealed class FreshnessOptions
{
    public const string Section = "Freshness";

    /// <summary>A source retrieved longer ago than this is flagged on the admin dashboard.</summary>
    [Range(1, 120)] public int SourceMaxAgeMonths { get; set; } = 12;
}

public sealed record StaleSource(int Id, string Title, DateOnly RetrievedOn, IReadOnlyList<string> Figures);

/// <summary>Finds the sources due for a fresh look, with the figures on the public site that rely on them.</summary>
public sealed class SourceFreshness(PortalDbContext db, IOptions<FreshnessOptions> options, TimeProvider clock)
{
    public DateOnly Cutoff => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-options.Value.SourceMaxAgeMonths);

    public int MaxAgeMonths => options.Value.SourceMaxAgeMonths;

    public async Task<IReadOnlyList<StaleSource>> StaleSourcesAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff;
        var sources = await db.Sources.AsNoTracking()
            .Where(s => s.RetrievedOn < cutoff)
            .OrderBy(s => s.RetrievedOn).ThenBy(s => s.SortOrder)
            .Select(s => new
            {
                s.Id, s.Publisher, s.Name, s.RetrievedOn,
                Roles = s.CareerRoles.OrderBy(r => r.SortOrder).Select(r => new { r.Title, r.MedianSalary }).ToList(),
                Statistics = s.Statistics.OrderBy(t => t.SortOrder).Select(t => new { t.Label, t.Value, t.Unit }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return [.. sources.Select(s => new StaleSource(s.Id, $"{s.Publisher}: {s.Name}", s.RetrievedOn,
            [
                .. s.Roles.Select(r => $"Median salary of {r.Title} ({Money.Format(r.MedianSalary)})"),
                .. s.Statistics.Select(t => $"{t.Label} ({Statistic.Format(t.Value, t.Unit)})"),
            ]))];
    }
}
