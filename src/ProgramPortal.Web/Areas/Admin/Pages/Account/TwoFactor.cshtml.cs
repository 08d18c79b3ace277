using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Data;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.Account;

/// <summary>Sets up (or turns off) sign-in with an authenticator app for the signed-in staff member.</summary>
public class TwoFactorModel(UserManager<StaffUser> users, StaffSignInManager signIn, StaffAccounts accounts,
    PortalDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public bool Required { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await CodeMatchesAsync(user))
        {
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // A fresh cookie carries the "has two-factor" claim the requirement filter looks for.
        await signIn.RefreshSignInAsync(user);
        this.SetStatus("Two-factor sign-in is on. From now on you will be asked for a code from the app when you sign in.");
        return Redirect("/admin");
    }

    /// <summary>Asks for a current code, so someone using an unattended signed-in browser cannot remove the second factor.</summary>
    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } user)
        {
            return Challenge();
        }

        if (Required)
        {
            this.SetStatus("Two-factor sign-in is required for all staff, so it cannot be turned off.");
            return RedirectToPage();
        }

        if (!ModelState.IsValid || !await CodeMatchesAsync(user))
        {
            return Page();
        }

        await accounts.ResetTwoFactorAsync(user);
        await signIn.RefreshSignInAsync(user);
        this.SetStatus("Two-factor sign-in is off.");
        return RedirectToPage();
    }

    private async Task<bool> CodeMatchesAsync(StaffUser user)
    {
        var code = StaffSignInManager.AuthenticatorCode(Input.Code);
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }

        ModelState.AddModelError("Input.Code", StaffAccounts.WrongAuthenticatorCode
            + " Each code works once; after 5 wrong codes, wait 15 minutes.");
        return false;
    }

    private async Task<StaffUser?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Required = await StaffSettings.TwoFactorRequiredAsync(db, cancellationToken);
        Setup = user.TwoFactorEnabled ? null : await AuthenticatorSetup.ForAsync(users, user);
        return user;
    }

    public sealed record InputModel
    {
        [Required, StringLength(9, MinimumLength = 6), Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }
}
