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

    // The same answer whether or not the address has an account. It never repeats the address: a
    // status message travels in a cookie, and user input does not belong there.
    public const string Sent = "If that address belongs to a staff account, a link to choose a new password is on its way to it. "
        + "Check your inbox in a few minutes.";

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        accounts.RequestPasswordReset(Input.Email);
        this.SetStatus(Sent);
        return RedirectToPage();
    }

    public sealed record InputModel
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Your work email")]
        public string Email { get; set; } = "";
    }
}
