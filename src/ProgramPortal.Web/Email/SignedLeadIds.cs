using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ProgramPortal.Email;

/// <summary>Reads back a lead's id signed into an emailed link (unsubscribe, re-subscribe).</summary>
public static class SignedLeadIds
{
    /// <summary>The lead id, or null for a token that is missing, forged, tampered with or expired.</summary>
    public static int? Read(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return int.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
