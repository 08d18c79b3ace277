using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.SignIn;

/// <summary>Where both the invitation and the password-reset emails lead: choose a password.</summary>
public class SetPasswordModel(StaffAccounts accounts) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public bool IsInvitation => HttpContext.Request.Path.StartsWithSegments(StaffAccounts.AcceptInvitationPath);

    public IActionResult OnGet(string? email, string? code)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError("", StaffAccounts.InvalidLink);
        }

        Input = new InputModel { Email = email ?? "", Code = code ?? "" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.SetPasswordFromLinkAsync(Input.Email, Input.Code, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return Page();
        }

        this.SetStatus("Your password is set. Sign in with it now.");
        return RedirectToPage("/SignIn/Login");
    }

    public sealed record InputModel
    {
        [Required] public string Email { get; set; } = "";

        [Required] public string Code { get; set; } = "";

        [Required, StringLength(200, MinimumLength = 12, ErrorMessage = "The password must be at least 12 characters long."),
         DataType(DataType.Password), Display(Name = "New password", Description = "At least 12 characters, with upper and lower case letters and a digit.")]
        public string Password { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "The same password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
