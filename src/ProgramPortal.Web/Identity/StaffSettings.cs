using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>Security settings an Admin changes in the admin area; one row, created on first save.</summary>
public class StaffSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Staff without an authenticator app are sent to set one up before they can do anything else.</summary>
    public bool RequireTwoFactor { get; set; }

    public static async Task<StaffSettings> LoadAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        await db.StaffSettings.FindAsync([SingletonId], cancellationToken) ?? db.StaffSettings.Add(new StaffSettings()).Entity;

    public static Task<bool> TwoFactorRequiredAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.StaffSettings.AsNoTracking().AnyAsync(s => s.RequireTwoFactor, cancellationToken);
}
