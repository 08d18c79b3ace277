using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Data;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.Staff;

public class SettingsModel(PortalDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input = new InputModel { RequireTwoFactor = await StaffSettings.TwoFactorRequiredAsync(db, cancellationToken) };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var settings = await StaffSettings.LoadAsync(db, cancellationToken);
        settings.RequireTwoFactor = Input.RequireTwoFactor;
        await db.SaveChangesAsync(cancellationToken);
        this.SetStatus(Input.RequireTwoFactor
            ? "Two-factor sign-in is now required: staff without it are sent to set it up on their next page."
            : "Two-factor sign-in is now optional.");
        return RedirectToPage();
    }

    public sealed record InputModel
    {
        [Display(Name = "Require two-factor sign-in for all staff",
            Description = "Staff who have not set up an authenticator app must do so before they can use the admin area.")]
        public bool RequireTwoFactor { get; set; }
    }
}
