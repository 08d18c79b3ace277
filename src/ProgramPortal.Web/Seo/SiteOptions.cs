using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Seo;

/// <summary>
/// Where the public reaches the portal. Canonical links, Open Graph URLs and the sitemap must name
/// that address, which behind a proxy is not the one Kestrel listens on, and must not be taken
/// from the request's Host header, which any client can set.
/// </summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    [Required] public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The absolute URL of a site path such as "/careers".</summary>
    public string UrlFor(string path) => new Uri(BaseUri, path.TrimStart('/')).AbsoluteUri;

    // A trailing slash makes relative paths resolve under a base that has a path of its own.
    private Uri BaseUri => new(PublicBaseUrl.TrimEnd('/') + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            yield return new ValidationResult(
                $"Site__PublicBaseUrl must be an absolute http(s) URL without query or fragment, such as "
                + $"https://itl.example.edu; it is '{PublicBaseUrl}'.", [nameof(PublicBaseUrl)]);
        }
    }
}
