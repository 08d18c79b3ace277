using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>
/// Spends one of the account's sign-in attempts before each password or authenticator code is
/// checked, in one conditional UPDATE. Counting after the check let every request that had loaded
/// the user before the fifth failure was written check its password too: 60 guesses sent at once
/// tried 11 to 23 passwords. Spending first, PostgreSQL hands out the attempts one row update after
/// another, so however requests interleave at most MaxFailedAccessAttempts secrets are checked per
/// lockout, and a request that finds none left is refused without its secret being looked at.
/// </summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger,
    PortalDbContext db,
    TimeProvider time)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer,
        errors, services, logger)
{
    public override async Task<bool> CheckPasswordAsync(StaffUser user, string password)
    {
        if (!await TrySpendAttemptAsync(user))
        {
            CheckPasswordOfNoOne(password);
            return false;
        }

        // A right password leaves its attempt spent: the sign-in manager gives it back when no code
        // is asked for, and otherwise the right code does, so knowing the password alone buys no
        // more guesses at the code.
        return Logged(user, await base.CheckPasswordAsync(user, password));
    }

    public override async Task<bool> VerifyTwoFactorTokenAsync(StaffUser user, string tokenProvider, string token)
    {
        if (!await TrySpendAttemptAsync(user) || !Logged(user, await base.VerifyTwoFactorTokenAsync(user, tokenProvider, token)))
        {
            return false;
        }

        await ResetAccessFailedCountAsync(user);
        return true;
    }

    /// <summary>
    /// The work of a password check with no account behind it, for unknown addresses and for
    /// disabled or locked accounts, so the time an answer takes tells nobody which accounts exist.
    /// </summary>
    public void CheckPasswordOfNoOne(string password) =>
        PasswordHasher.VerifyHashedPassword(new StaffUser(), DummyHash(), password);

    /// <summary>The attempt was spent before the check, so a failure is already counted; the caller only learns the outcome.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(StaffUser user)
    {
        await SignInCounters.RefreshAsync(db, user);
        return IdentityResult.Success;
    }

    /// <summary>Also lifts a lock: the attempt that set it may be the one that just succeeded.</summary>
    public override async Task<IdentityResult> ResetAccessFailedCountAsync(StaffUser user)
    {
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));
        await SignInCounters.RefreshAsync(db, user);
        return IdentityResult.Success;
    }

    /// <summary>
    /// Takes one attempt unless the account is locked; the last attempt of a window locks the account
    /// as it is taken, so no later request can take another, and a crash mid-check cannot leave the
    /// account without attempts and without a lock that expires. The new concurrency stamp makes a
    /// save of a user loaded earlier fail instead of undoing the count.
    /// </summary>
    private async Task<bool> TrySpendAttemptAsync(StaffUser user)
    {
        var now = time.GetUtcNow();
        var lockedUntil = now + Options.Lockout.DefaultLockoutTimeSpan;
        var max = Options.Lockout.MaxFailedAccessAttempts;
        var spent = await db.Users
            .Where(u => u.Id == user.Id && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(set => set
                // A lock that has run out starts a new window.
                .SetProperty(u => u.AccessFailedCount, u => (u.LockoutEnd == null ? u.AccessFailedCount : 0) + 1)
                .SetProperty(u => u.LockoutEnd, u => (u.LockoutEnd == null ? u.AccessFailedCount : 0) + 1 >= max ? lockedUntil : null)
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));
        await SignInCounters.RefreshAsync(db, user);
        return spent == 1;
    }

    private bool Logged(StaffUser user, bool succeeded)
    {
        if (!succeeded && user.LockoutEnd > time.GetUtcNow())
        {
            Logger.LogWarning("Staff account {UserId} locked out after {Attempts} failed attempts", user.Id, Options.Lockout.MaxFailedAccessAttempts);
        }

        return succeeded;
    }

    private static string? dummyHash;

    /// <summary>A hash of a random password, made once with the app's own hasher and its settings.</summary>
    private string DummyHash() => dummyHash ??= PasswordHasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());
}
