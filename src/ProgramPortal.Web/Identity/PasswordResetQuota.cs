using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>How many password-reset emails an account got in its current hour: kept in the database, so every instance and retry counts.</summary>
public class PasswordResetQuota
{
    public string UserId { get; set; } = "";
    public DateTimeOffset WindowStartedAt { get; set; }
    public int EmailsSent { get; set; }

    /// <summary>Counts one email if the account has any left this hour; one statement, so simultaneous jobs cannot both take the last.</summary>
    public static async Task<bool> TryTakeAsync(PortalDbContext db, string userId, DateTimeOffset now, int perHour,
        CancellationToken cancellationToken)
    {
        var windowOver = now.AddHours(-1);
        var taken = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO password_reset_quotas AS q (user_id, window_started_at, emails_sent) VALUES ({userId}, {now}, 1)
            ON CONFLICT (user_id) DO UPDATE SET
                window_started_at = CASE WHEN q.window_started_at <= {windowOver} THEN {now} ELSE q.window_started_at END,
                emails_sent = CASE WHEN q.window_started_at <= {windowOver} THEN 1 ELSE q.emails_sent + 1 END
            WHERE q.window_started_at <= {windowOver} OR q.emails_sent < {perHour}
            """, cancellationToken);
        return taken == 1;
    }

    /// <summary>Gives back an email that could not be sent, so its retry does not use up the hour.</summary>
    public static Task GiveBackAsync(PortalDbContext db, string userId) =>
        db.PasswordResetQuotas.Where(q => q.UserId == userId && q.EmailsSent > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.EmailsSent, q => q.EmailsSent - 1));
}

public sealed class PasswordResetQuotaConfiguration : IEntityTypeConfiguration<PasswordResetQuota>
{
    public void Configure(EntityTypeBuilder<PasswordResetQuota> quota)
    {
        quota.HasKey(q => q.UserId);
        quota.HasOne<StaffUser>().WithMany().HasForeignKey(q => q.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
