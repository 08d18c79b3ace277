using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Hosting;

/// <summary>
/// HTTPS redirection and HSTS, applied outside Development and Testing. Behind a proxy that ends TLS
/// they still work, because the forwarded scheme tells the portal the request came in over HTTPS;
/// turn them off only where the portal is reached over plain HTTP on purpose (the local compose).
/// </summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    public bool RedirectToHttps { get; set; } = true;

    /// <summary>The port browsers are sent to: the proxy's, not the portal's own.</summary>
    [Range(1, 65535)] public int HttpsPort { get; set; } = 443;

    public bool UseHsts { get; set; } = true;

    [Range(1, 730)] public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Whether every request reaches the app over HTTPS (directly or as forwarded by the proxy).</summary>
    public static bool IsEnforced(WebApplicationBuilder builder) =>
        !ProductionHosting.ServesPlainHttp(builder.Environment)
        && (builder.Configuration.GetSection(Section).Get<HttpsOptions>() ?? new HttpsOptions()).RedirectToHttps;
}
