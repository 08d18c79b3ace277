using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace ProgramPortal.Identity;

/// <summary>What a staff member needs to add the portal to their authenticator app: the key as text and as a QR code.</summary>
public sealed partial record AuthenticatorSetup(string SharedKey, string QrCodeDataUri)
{
    private const string Issuer = "MS-ITL portal";

    /// <summary>The user's key, made on first use; the same key until two-factor is reset.</summary>
    public static async Task<AuthenticatorSetup> ForAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new AuthenticatorSetup(
            string.Join(' ', FourCharacters().Matches(key!.ToLowerInvariant()).Select(m => m.Value)),
            QrCode($"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6"));
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    [GeneratedRegex(".{1,4}")]
    private static partial Regex FourCharacters();
}
