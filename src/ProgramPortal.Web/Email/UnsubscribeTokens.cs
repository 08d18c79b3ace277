using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ProgramPortal.Hosting;

namespace ProgramPortal.Email;

/// <summary>
/// Signed unsubscribe links, so a lead can stop emails without signing in. Tokens never expire:
/// an unsubscribe link in an old email must still work (Data Protection keeps retired keys for reading).
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection, IOptions<SiteOptions> site)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ProgramPortal.Email.Unsubscribe.v1");

    public string UrlFor(int leadId) =>
        site.Value.UrlFor($"/unsubscribe?token={Uri.EscapeDataString(Create(leadId))}");

    /// <summary>Where previews of lead emails link: a page saying the link does not work, so no lead is unsubscribed by a click there.</summary>
    public string PreviewUrl => site.Value.UrlFor("/unsubscribe?token=preview");

    public string Create(int leadId) => _protector.Protect(leadId.ToString(CultureInfo.InvariantCulture));

    public int? Read(string? token) => SignedLeadIds.Read(_protector, token);
}
