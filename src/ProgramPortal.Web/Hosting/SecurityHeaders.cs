using System.Security.Cryptography;
using System.Text;

namespace ProgramPortal.Hosting;

/// <summary>
/// Browser protections sent on every response: pages, static files, redirects, 404s and error pages.
/// The site runs no JavaScript of its own and loads nothing from other origins, so the policy can
/// be strict: a script that slips into a page through content is refused by the browser, not only
/// encoded by Razor. JSON-LD blocks are data, not script, and are not affected.
/// </summary>
public static class SecurityHeaders
{
    // The one inline style allowed, by the hash of its exact text: the stylesheet Chart.js (bundled
    // in Hangfire's dashboard at /admin/jobs) injects for its resize monitor. No other text matches.
    private const string ChartJsStyleHash = "'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='";

    // data: images are the authenticator QR code, drawn on the server (see TwoFactor.cshtml.cs).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' " + ChartJsStyleHash + "; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Features the portal never uses, off for any page and anything embedded in one.
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        // For browsers older than frame-ancestors.
        ["X-Frame-Options"] = "DENY",
        ["Permissions-Policy"] = PermissionsPolicy,
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    private const string StyleAttributeHashesKey = "SecurityHeaders.StyleAttributeHashes";

    /// <summary>
    /// Lets these exact style="..." values apply on this one response, by hash. For the email template
    /// preview: its sandboxed srcdoc frame inherits the page's policy, and an email has no stylesheet
    /// but its inline styles. Any other inline style on the page is still refused.
    /// </summary>
    public static void AllowStyleAttributes(this HttpContext context, IEnumerable<string> values)
    {
        var hashes = values.Distinct(StringComparer.Ordinal)
            .Select(value => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}'")
            .ToList();
        if (hashes.Count > 0)
        {
            context.Items[StyleAttributeHashesKey] = "'unsafe-hashes' " + string.Join(' ', hashes);
        }
    }

    /// <summary>First in the pipeline, so even HTTPS redirects get the headers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Set as the response starts rather than now: the exception handler clears the headers
            // of a failed request before it renders the error page, but not these callbacks.
            context.Response.OnStarting(() =>
            {
                foreach (var (name, value) in All)
                {
                    context.Response.Headers[name] = value;
                }

                if (context.Items[StyleAttributeHashesKey] is string hashes)
                {
                    context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace(
                        ChartJsStyleHash + ";", ChartJsStyleHash + " " + hashes + ";", StringComparison.Ordinal);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
