using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.SignIn;

public class LoginWith2faModel(StaffSignInManager signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/SignIn/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/SignIn/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = StaffSignInManager.AuthenticatorCode(Input.Code);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        ModelState.AddModelError("", "That code did not work. Enter the current 6-digit code from your authenticator app. "
            + "Repeated failures block sign-in for 15 minutes.");
        return Page();
    }

    public sealed record InputModel
    {
        [Required, StringLength(9, MinimumLength = 6), Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";
    }
}
