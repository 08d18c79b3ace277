using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>
/// The user columns that sign-in changes with conditional UPDATEs (attempts, lock, last code step,
/// concurrency stamp), read back into a loaded user. Only these are refreshed, as current and as
/// original values, so a later save of the user neither fails on the new stamp nor drops changes
/// the caller made to other properties.
/// </summary>
internal static class SignInCounters
{
    public static async Task RefreshAsync(PortalDbContext db, StaffUser user)
    {
        var saved = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.LastTwoFactorStep, u.ConcurrencyStamp })
            .SingleAsync();
        var entry = db.Entry(user);
        Set(entry.Property(u => u.AccessFailedCount), saved.AccessFailedCount);
        Set(entry.Property(u => u.LockoutEnd), saved.LockoutEnd);
        Set(entry.Property(u => u.LastTwoFactorStep), saved.LastTwoFactorStep);
        Set(entry.Property(u => u.ConcurrencyStamp), saved.ConcurrencyStamp);
    }

    private static void Set<T>(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<StaffUser, T> property, T value)
    {
        property.CurrentValue = value;
        property.OriginalValue = value;
    }
}
