using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Leads.Privacy;

namespace ProgramPortal.Areas.Admin.Pages.Leads;

/// <summary>Asks before erasing a lead's personal data on the person's request, then erases it.</summary>
public class EraseModel(PortalDbContext db, LeadEraser eraser) : PageModel
{
    public int LeadId { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.Where(l => l.Id == id).Select(l => new { l.FirstName, l.LastName, l.ErasedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return NotFound();
        }

        if (lead.ErasedAt is not null)
        {
            return RedirectToPage("Details", new { id });
        }

        LeadId = id;
        Name = $"{lead.FirstName} {lead.LastName}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Leads.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var erased = await eraser.ErasePersonAsync(id, User.Identity!.Name!, cancellationToken);
        this.SetStatus(erased switch
        {
            0 => "This lead's data had already been erased.",
            1 => "The person's data is erased, and their emails not sent yet are cancelled. The erasure is recorded.",
            _ => $"The person's data is erased from this lead and {erased - 1} other lead{(erased == 2 ? "" : "s")} with the same "
                + "address, and their emails not sent yet are cancelled. Each erasure is recorded.",
        });
        return RedirectToPage("Details", new { id });
    }
}
