using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Hosting;

/// <summary>
/// Where the public reaches the portal. Canonical links, the sitemap and every link in an email
/// (unsubscribe, staff invitations, password resets) must name that address, which behind a proxy
/// is not the one Kestrel listens on, and must never be taken from the request's Host header,
/// which any client can set (a forged Host would point a reset link at someone else's site).
/// </summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    public const string DefaultBaseUrl = "http://127.0.0.1:5080";

    /// <summary>Site__PublicBaseUrl; when unset, PORTAL_URL (where deploy/run.sh serves), else the default.</summary>
    [Required] public string PublicBaseUrl { get; set; } = DefaultBaseUrl;

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

/// <summary>
/// Outside Development and Testing the public address must be https: staff invitations and password
/// resets carry their tokens in links built from it, and a plain-http link sends them in the clear.
/// </summary>
public sealed class PublicAddressMustBeHttps(IHostEnvironment environment) : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions site) =>
        ProductionHosting.ServesPlainHttp(environment)
        || !site.PublicBaseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Site__PublicBaseUrl must be the https:// address the public reaches the portal at (such as "
                + $"https://itl.example.edu) in the {environment.EnvironmentName} environment; it is '{site.PublicBaseUrl}'. "
                + "Every link in an email is built from it.");
}
