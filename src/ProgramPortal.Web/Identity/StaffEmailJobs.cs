using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>
/// Sends a password-reset link, out of the request that asked for it: the job carries only the
/// normalised address, so the form does the same work whether or not it belongs to an account,
/// and an SMTP outage fails this job (Hangfire retries it), never the page.
/// </summary>
public sealed class SendPasswordResetJob(
    UserManager<StaffUser> users,
    StaffAccounts accounts,
    PortalDbContext db,
    TimeProvider time,
    IOptions<SignInLimitOptions> limits)
{
    public static void Enqueue(IBackgroundJobClient jobs, string normalizedEmail) =>
        jobs.Enqueue<SendPasswordResetJob>(job => job.RunAsync(normalizedEmail, CancellationToken.None));

    public async Task RunAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(normalizedEmail);
        if (user is null || user.IsDisabled
            || !await PasswordResetQuota.TryTakeAsync(db, user.Id, time.GetUtcNow(), limits.Value.ResetEmailsPerHour, cancellationToken))
        {
            return;
        }

        try
        {
            await accounts.SendPasswordResetAsync(user, cancellationToken);
        }
        catch
        {
            await PasswordResetQuota.GiveBackAsync(db, user.Id);
            throw;
        }
    }
}

/// <summary>Sends a new staff member their invitation out of the Admin's request, retried by Hangfire when SMTP fails.</summary>
public sealed class SendInvitationJob(UserManager<StaffUser> users, StaffAccounts accounts)
{
    public static void Enqueue(IBackgroundJobClient jobs, string userId) =>
        jobs.Enqueue<SendInvitationJob>(job => job.RunAsync(userId, CancellationToken.None));

    public async Task RunAsync(string userId, CancellationToken cancellationToken)
    {
        // An account disabled or already given a password since has no use for the link.
        if (await users.FindByIdAsync(userId) is { IsDisabled: false, PasswordHash: null } user)
        {
            await accounts.SendInvitationAsync(user, cancellationToken);
        }
    }
}
