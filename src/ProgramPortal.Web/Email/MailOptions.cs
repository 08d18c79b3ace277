using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace ProgramPortal.Email;

/// <summary>
/// How outgoing mail leaves the portal. With no SmtpHost, messages are written as .eml files to
/// PickupDirectory instead, which is the development default.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }
    [Range(1, 65535)] public int SmtpPort { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? PickupDirectory { get; set; }

    [Required, EmailAddress] public string FromAddress { get; set; } = "admissions@programportal.local";
    [Required] public string FromName { get; set; } = "MS-ITL Admissions";

    /// <summary>
    /// Hosts besides the portal's own (Site__PublicBaseUrl) that images in emails may come from,
    /// separated by commas, such as "cdn.example.edu": a mail program fetches them as the email opens.
    /// </summary>
    public string? AllowedImageHosts { get; set; }

    public IEnumerable<string> ImageHosts() =>
        (AllowedImageHosts ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesSmtp && string.IsNullOrWhiteSpace(PickupDirectory))
        {
            yield return new ValidationResult(
                "Set Mail__SmtpHost to send mail, or Mail__PickupDirectory to write it to files.",
                [nameof(SmtpHost), nameof(PickupDirectory)]);
        }

        foreach (var host in ImageHosts().Where(h => Uri.CheckHostName(h) is not (UriHostNameType.Dns or UriHostNameType.IPv4)))
        {
            yield return new ValidationResult(
                $"Mail__AllowedImageHosts must list host names separated by commas, such as cdn.example.edu; '{host}' is not one.",
                [nameof(AllowedImageHosts)]);
        }
    }
}
