using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Hosting;
using ProgramPortal.Leads;

namespace ProgramPortal.Areas.Admin.Pages.Leads;

/// <summary>
/// The lead list. Paging is by offset, bounded to <see cref="MaxPages"/> pages so no request reads
/// deeper than 10,000 rows into an index; past that, staff narrow the filter or export. The count is
/// exact: it reads the same indexes as the filter.
/// </summary>
public class IndexModel(PortalDbContext db, PortalTime time) : PageModel
{
    public const int PageSize = 50;
    public const int MaxPages = 200;

    public LeadFilter Filter { get; private set; } = new();
    public IReadOnlyList<LeadRow> Leads { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    /// <summary>The filter fields whose values could not be read (a mistyped link); they were left out.</summary>
    public IReadOnlyList<string> IgnoredFields { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] LeadFilter filter, [FromQuery] int page, CancellationToken cancellationToken)
    {
        Filter = filter;
        IgnoredFields = [.. ModelState.Where(entry => entry.Value?.Errors.Count > 0).Select(entry => entry.Key).Order()];

        var leads = filter.Apply(db.Leads.AsNoTracking(), time);
        Total = await leads.CountAsync(cancellationToken);
        PageCount = Math.Clamp((Total + PageSize - 1) / PageSize, 1, MaxPages);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Leads = await filter.Sorted(leads)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(l => new LeadRow(l.Id, l.FirstName + " " + l.LastName, l.Email, l.CountryCode, l.Track, l.Status,
                l.UtmSource, l.CreatedAt, l.ErasedAt != null))
            .ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => "/admin/leads" + Filter.ToQueryString(("page", page.ToString()));

    public string ExportUrl(string format) => $"/admin/leads/export/{format}" + Filter.ToQueryString();

    public sealed record LeadRow(int Id, string Name, string Email, string CountryCode, TrackInterest Track, LeadStatus Status,
        string? Source, DateTimeOffset CreatedAt, bool Erased);
}
