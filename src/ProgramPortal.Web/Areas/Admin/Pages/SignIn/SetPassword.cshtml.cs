using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.SignIn;

/// <summary>Where both the invitation and the password-reset emails lead: choose a password.</summary>
public class SetPasswordModel(StaffAccounts accounts, UserManager<StaffUser> users) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public bool IsInvitation => HttpContext.Request.Path.StartsWithSegments(StaffAccounts.AcceptInvitationPath);

    /// <summary>Set when an Admin requires two-factor sign-in and this is an invitation: the app is set up here too.</summary>
    public AuthenticatorSetup? Setup { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? email, string? code)
    {
        Input = new InputModel { Email = email ?? "", Code = code ?? "" };
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError("", StaffAccounts.InvalidLink);
            return Page();
        }

        await LoadSetupAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadSetupAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.SetPasswordFromLinkAsync(Link, Input.Password, Input.AuthenticatorCode);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return Page();
        }

        this.SetStatus(Setup is null
            ? "Your password is set. Sign in with it now."
            : "Your password and two-factor sign-in are set. Sign in with them now.");
        return RedirectToPage("/SignIn/Login");
    }

    private PasswordLink Link => new(Input.Email, Input.Code, IsInvitation);

    /// <summary>The key is shown only to someone holding a valid invitation link.</summary>
    private async Task LoadSetupAsync()
    {
        if (await accounts.EnrolsTwoFactorAsync(Link))
        {
            if (await accounts.UserForLinkAsync(Link) is { } user)
            {
                Setup = await AuthenticatorSetup.ForAsync(users, user);
            }
            else
            {
                ModelState.AddModelError("", StaffAccounts.InvalidLink);
            }
        }
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

        [StringLength(9), Display(Name = "Code from the app")]
        public string? AuthenticatorCode { get; set; }
    }
}
