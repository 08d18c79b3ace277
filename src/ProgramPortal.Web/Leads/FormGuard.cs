using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Leads;

/// <summary>What the spam checks concluded: the form's id (for duplicate posts) and why it looks automated, if it does.</summary>
public sealed record FormVerdict(Guid? FormId, string? SpamReason);

/// <summary>
/// The form's hidden token: when it was shown and a unique form id, protected by Data Protection so
/// neither can be forged. It gives the minimum-fill-time check and lets a re-posted form be stored once.
/// </summary>
public sealed class FormGuard(IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<LeadOptions> options)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ProgramPortal.Leads.FormToken.v1");

    public string Issue() =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture,
            $"{clock.GetUtcNow().ToUnixTimeMilliseconds()}|{Guid.NewGuid():N}"));

    public FormVerdict Check(string? token, string? honeypot)
    {
        var issued = Read(token);
        if (issued is null)
        {
            return new FormVerdict(null, "The form token was missing or not issued by this site.");
        }

        var (shownAt, formId) = issued.Value;
        if (!string.IsNullOrEmpty(honeypot))
        {
            return new FormVerdict(formId, "The hidden honeypot field was filled in.");
        }

        var elapsed = clock.GetUtcNow() - shownAt;
        return elapsed < options.Value.MinimumFillTime
            ? new FormVerdict(formId, $"Sent {elapsed.TotalSeconds:0.#} s after the form was shown.")
            : new FormVerdict(formId, null);
    }

    private (DateTimeOffset ShownAt, Guid FormId)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                && Guid.TryParseExact(parts[1], "N", out var formId)
                ? (DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), formId)
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
