using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.SignIn;

public class ForgotPasswordModel(StaffAccounts accounts) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await accounts.SendPasswordResetAsync(Input.Email.Trim(), cancellationToken);
        // The same answer whether or not the address has an account.
        this.SetStatus($"If {Input.Email.Trim()} belongs to a staff account, we have emailed it a link to choose a new password.");
        return RedirectToPage();
    }

    public sealed record InputModel
    {
        [Required, EmailAddress, Display(Name = "Your work email")]
        public string Email { get; set; } = "";
    }
}
