using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>
/// Checks authenticator-app codes like Identity's own provider, and accepts each time step once:
/// Identity's provider let one code complete two sign-ins within its 30 seconds, so a code read over
/// someone's shoulder or from a proxy log could be used again.
/// </summary>
public sealed class AuthenticatorCodes(PortalDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string ProviderName = "StaffAuthenticator";

    // One step either side of now allows for a phone clock that is a little off, and no more.
    private static readonly VerificationWindow ClockSkew = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        user.TwoFactorEnabled && !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app on the phone makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, ClockSkew))
        {
            return false;
        }

        // One conditional UPDATE: of two requests carrying the same code, PostgreSQL lets only the
        // first move the step forward, and an older code than the last one used is refused too.
        var accepted = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTwoFactorStep == null || u.LastTwoFactorStep < step))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastTwoFactorStep, step));
        await SignInCounters.RefreshAsync(db, user);
        return accepted == 1;
    }
}
