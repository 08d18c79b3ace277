using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Data;
using ProgramPortal.Identity;
using QRCoder;

namespace ProgramPortal.Areas.Admin.Pages.Account;

/// <summary>Sets up (or turns off) sign-in with an authenticator app for the signed-in staff member.</summary>
public partial class TwoFactorModel(UserManager<StaffUser> users, StaffSignInManager signIn, StaffAccounts accounts,
    PortalDbContext db) : PageModel
{
    private const string Issuer = "MS-ITL portal";

    [BindProperty] public InputModel Input { get; set; } = new();

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";

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

        var code = StaffSignInManager.AuthenticatorCode(Input.Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "That code did not match. Check the app shows the MS-ITL portal and enter its current code.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // A fresh cookie carries the "has two-factor" claim the requirement filter looks for.
        await signIn.RefreshSignInAsync(user);
        this.SetStatus("Two-factor sign-in is on. From now on you will be asked for a code from the app when you sign in.");
        return Redirect("/admin");
    }

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

        await accounts.ResetTwoFactorAsync(user);
        await signIn.RefreshSignInAsync(user);
        this.SetStatus("Two-factor sign-in is off.");
        return RedirectToPage();
    }

    private async Task<StaffUser?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Enabled = user.TwoFactorEnabled;
        Required = await StaffSettings.TwoFactorRequiredAsync(db, cancellationToken);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            SharedKey = string.Join(' ', FourCharacters().Matches(key!.ToLowerInvariant()).Select(m => m.Value));
            QrCodeDataUri = QrCode(
                $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        }

        return user;
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    [GeneratedRegex(".{1,4}")]
    private static partial Regex FourCharacters();

    public sealed record InputModel
    {
        [Required, StringLength(9, MinimumLength = 6), Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }
}
