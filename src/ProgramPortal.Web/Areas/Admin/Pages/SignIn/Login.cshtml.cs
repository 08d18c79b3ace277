using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.SignIn;

public class LoginModel(StaffSignInManager signIn) : PageModel
{
    // One message for a wrong password, an unknown address, a locked or a disabled account, so the
    // page never tells anyone which addresses have accounts.
    public const string Failed = "Sign-in failed. Check your email and password. After 5 failed attempts, "
        + "sign-in is blocked for 15 minutes; if it keeps failing, ask an Admin.";

    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/SignIn/LoginWith2fa", new { ReturnUrl });
        }

        ModelState.AddModelError("", Failed);
        return Page();
    }

    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) ? returnUrl! : "/admin";

    public sealed record InputModel
    {
        [Required, EmailAddress, Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";
    }
}
