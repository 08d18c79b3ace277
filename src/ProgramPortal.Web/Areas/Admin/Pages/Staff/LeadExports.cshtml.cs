using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Leads.Export;
using ProgramPortal.Leads.Privacy;

namespace ProgramPortal.Areas.Admin.Pages.Staff;

/// <summary>
/// For Admins: who exported which leads, and which leads were erased. It lives in Staff/ because that
/// folder is the Admin-only one; admissions staff see the leads but not this log.
/// </summary>
public class LeadExportsModel(PortalDbContext db) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<LeadExport> Exports { get; private set; } = [];
    public IReadOnlyList<LeadErasure> Erasures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Exports = await db.LeadExports.AsNoTracking().OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)
            .Take(Shown).ToListAsync(cancellationToken);
        Erasures = await db.LeadErasures.AsNoTracking().OrderByDescending(e => e.ErasedAt).ThenByDescending(e => e.Id)
            .Take(Shown).ToListAsync(cancellationToken);
    }
}
