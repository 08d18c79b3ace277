using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Identity;

/// <summary>
/// The address staff reach the portal at, used in invitation and password-reset links. It is
/// configured rather than taken from the request's Host header, which anyone can forge to make a
/// reset email point at their own site.
/// </summary>
public sealed class StaffLinkOptions : IValidatableObject
{
    [Required] public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    public Uri Link(string pathAndQuery) => new(new Uri(PublicUrl), pathAndQuery);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult(
                $"PORTAL_URL must be the portal's absolute http(s) address, not '{PublicUrl}'.", [nameof(PublicUrl)]);
        }
    }
}
