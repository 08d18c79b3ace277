using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>
/// Counts failed sign-ins in the database itself. Identity's own count is read, incremented in
/// memory and saved under a concurrency check, so of many wrong passwords sent at once only one
/// was counted (the rest failed their save silently) and a parallel guesser was never locked out.
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
    public override async Task<IdentityResult> AccessFailedAsync(StaffUser user)
    {
        var lockout = Options.Lockout;
        var lockedUntil = time.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
        // One UPDATE: PostgreSQL applies concurrent updates of a row one after another, each to the
        // row as the previous one left it, so every failure counts. The new concurrency stamp makes
        // a sign-in that loaded the user before the lock fail to save, instead of undoing the lock.
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= lockout.MaxFailedAccessAttempts ? lockedUntil : u.LockoutEnd)
            .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1 >= lockout.MaxFailedAccessAttempts ? 0 : u.AccessFailedCount + 1)
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()));

        var saved = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync();
        // The caller asks IsLockedOutAsync(user) next, which reads the object, not the database.
        user.LockoutEnd = saved.LockoutEnd;
        user.AccessFailedCount = saved.AccessFailedCount;
        if (saved.LockoutEnd > time.GetUtcNow())
        {
            Logger.LogWarning("Staff account {UserId} locked out after {Attempts} failed sign-ins", user.Id, lockout.MaxFailedAccessAttempts);
        }

        return IdentityResult.Success;
    }
}
