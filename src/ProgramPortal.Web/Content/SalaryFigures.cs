using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Content;

/// <summary>A career role as public pages show it: its median salary and the dates of the sources behind it.</summary>
public sealed record RoleSalary(TrackCode Track, CareerLevel Level, string Title, string Description,
    decimal Median, List<DateOnly> SourceDates)
{
    public string MedianText => Money.Format(Median);

    /// <summary>When this role's figure was taken: its stalest source, as for a whole page.</summary>
    public DateOnly? TakenOn => SourceDates.Count == 0 ? null : SourceDates.Min();
}

public static class SalaryFigures
{
    public static IQueryable<RoleSalary> RoleSalaries(this PortalDbContext db,
        TrackCode? track = null, CareerLevel? level = null)
    {
        var roles = db.CareerRoles.AsNoTracking();
        if (track is { } t)
        {
            roles = roles.Where(r => r.Track == t);
        }

        if (level is { } l)
        {
            roles = roles.Where(r => r.Level == l);
        }

        return roles.OrderBy(r => r.SortOrder).Select(r => new RoleSalary(r.Track, r.Level, r.Title,
            r.Description, r.MedianSalary, r.Sources.Select(s => s.RetrievedOn).ToList()));
    }

    /// <summary>"December 2025" for the salaries shown, or null when none are.</summary>
    public static string? AsOfLabel(this IEnumerable<RoleSalary> roles) =>
        AsOf.Label(roles.SelectMany(r => r.SourceDates));

    public static SalaryRange? RangeOf(this IEnumerable<RoleSalary> roles, TrackCode track) =>
        SalaryRange.Of(roles.Where(r => r.Track == track).Select(r => r.Median));
}
