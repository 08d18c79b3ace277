using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Identity;

/// <summary>
/// Password-reset links get their own short lifetime: a reset email sitting in an inbox for days is a
/// standing way into the account. Invitations keep the longer lifetime of Identity's default provider.
/// A reset link works once because the token carries the security stamp, which setting the password renews.
/// </summary>
public sealed class PasswordResetTokens(
    IDataProtectionProvider dataProtection,
    IOptions<PasswordResetTokenOptions> options,
    ILogger<DataProtectorTokenProvider<StaffUser>> logger)
    : DataProtectorTokenProvider<StaffUser>(dataProtection, options, logger)
{
    public const string ProviderName = "StaffPasswordReset";

    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(1);
}

public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenOptions()
    {
        Name = PasswordResetTokens.ProviderName;
        TokenLifespan = PasswordResetTokens.Lifespan;
    }
}
