using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace ProgramPortal.Leads;

/// <summary>
/// A person's name in any script: letters and combining marks, joined by the spaces, apostrophes
/// (' and ’), hyphens and dashes (any Unicode dash, such as the en dash of O'Brien–García) and full
/// stops real names use (José Ñúñez, 李小龙, Jean-Luc St. Pierre, J.R.R.). An apostrophe, dash or space
/// must lead to a letter (a spaced dash, "Smith – Jones", counts as one joint), which keeps out
/// "admin'--"; digits, symbols, control and format characters are never part of a name.
/// </summary>
public sealed partial class PersonNameAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || NameShape().IsMatch(text.Trim().Normalize(NormalizationForm.FormC));

    [GeneratedRegex(@"^\p{L}\p{M}*(?:\p{L}\p{M}*|['’](?=\p{L})|\p{Pd}(?=\p{L}| +\p{L})|\.(?=$| |\p{L})| +(?=\p{L}|\p{Pd} +\p{L}))*$")]
    private static partial Regex NameShape();
}

/// <summary>Refuses control characters (which no one types) and broken UTF-16; line breaks and tabs only where asked.</summary>
public sealed class PlainTextAttribute(bool allowLineBreaks = false) : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || LeadInputRules.IsPlainText(text, allowLineBreaks);
}

public sealed partial class PhoneNumberAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || (PhoneShape().IsMatch(text.Trim()) && text.Count(char.IsAsciiDigit) >= 5);

    [GeneratedRegex(@"^\+?[0-9 ()\-.]{5,30}$")]
    private static partial Regex PhoneShape();
}

public sealed class MailboxAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || LeadInputRules.IsMailbox(text);
}

public static partial class LeadInputRules
{
    /// <summary>
    /// The form of an address that repeats are matched on. Only case and Unicode form are folded:
    /// dots and "+tags" mean different mailboxes at many providers.
    /// </summary>
    public static string NormalizeEmail(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>
    /// An address people really use: a dot-atom local part (no quoted forms), and a domain of at least
    /// two labels of letters, digits and inner hyphens (international letters allowed).
    /// </summary>
    public static bool IsMailbox(string text)
    {
        var address = text.Trim();
        return address.Length <= LeadLimits.Email
            && MailboxShape().Match(address) is { Success: true } match
            && match.Groups["local"].Length <= 64
            && MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address;
    }

    public static bool IsPlainText(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && !(allowLineBreaks && c is '\r' or '\n' or '\t')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Cleans a tracking value (UTM parameter, referrer) instead of validating it: it comes from links
    /// others wrote, so it must never be the reason a person's inquiry is refused.
    /// </summary>
    public static string? CleanTracking(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var kept = new string(value.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        return kept.Length == 0 ? null : kept[..Math.Min(kept.Length, maxLength)];
    }

    public static string? CleanReferrer(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? CleanTracking(uri.ToString(), LeadLimits.Referrer)
            : null;

    [GeneratedRegex(@"^(?<local>[\p{L}\p{N}!#$%&'*+/=?^_`{|}~\-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~\-]+)*)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?$")]
    private static partial Regex MailboxShape();

    /// <summary>Trims and composes (NFC) what a person typed; null for blank.</summary>
    public static string? Tidy(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Normalize(NormalizationForm.FormC);
}
