using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.Staff;

public class InviteModel(StaffAccounts accounts) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Roles.Intersect(StaffRoles.All).Count() == 0)
        {
            ModelState.AddModelError("", "Give the new staff member at least one role.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var result = await accounts.InviteAsync(email, Input.DisplayName?.Trim(), Input.Roles);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return Page();
        }

        this.SetStatus($"Invited. The invitation email is on its way; the link in it is valid for {StaffAccounts.TokenLifespan.TotalDays:0} days.");
        return RedirectToPage("/Staff/Index");
    }

    public sealed record InputModel
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Work email")]
        public string Email { get; set; } = "";

        [StringLength(100), Display(Name = "Name (optional)")]
        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
