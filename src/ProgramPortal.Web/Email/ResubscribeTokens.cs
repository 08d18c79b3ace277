using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ProgramPortal.Hosting;

namespace ProgramPortal.Email;

/// <summary>
/// Signed links that let an address which unsubscribed confirm it wants emails again. Only the
/// mailbox owner gets the link, so only they can undo their unsubscribe. They last a week: a
/// confirmation is meant to be clicked soon, and an old one should not wake a sequence months later.
/// </summary>
public sealed class ResubscribeTokens(IDataProtectionProvider dataProtection, IOptions<SiteOptions> site)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("ProgramPortal.Email.Resubscribe.v1").ToTimeLimitedDataProtector();

    public string UrlFor(int leadId) =>
        site.Value.UrlFor($"/resubscribe?token={Uri.EscapeDataString(_protector.Protect(leadId.ToString(CultureInfo.InvariantCulture), Lifetime))}");

    public int? Read(string? token) => SignedLeadIds.Read(_protector, token);
}
