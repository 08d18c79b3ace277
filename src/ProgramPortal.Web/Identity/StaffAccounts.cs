using System.Text;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;
using ProgramPortal.Hosting;
using MimeKit;
using ProgramPortal.Email;

namespace ProgramPortal.Identity;

/// <summary>What an Admin does to staff accounts, and the emails that go with it.</summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users,
    IMailSender mail,
    IOptions<MailOptions> mailOptions,
    IOptions<SiteOptions> site,
    IBackgroundJobClient jobs,
    PortalDbContext db)
{
    public const string AcceptInvitationPath = "/admin/accept-invitation";
    public const string ResetPasswordPath = "/admin/reset-password";

    /// <summary>Creates an account without a password; a job emails it a link to choose one.</summary>
    public async Task<IdentityResult> InviteAsync(string email, string? displayName, IReadOnlyCollection<string> roles)
    {
        var user = new StaffUser { UserName = email, Email = email, DisplayName = displayName };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return created;
        }

        await users.AddToRolesAsync(user, roles.Intersect(StaffRoles.All));
        SendInvitationJob.Enqueue(jobs, user.Id);
        return created;
    }

    public async Task SendInvitationAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        var link = await PasswordLinkAsync(user, AcceptInvitationPath);
        await SendAsync(user, "You are invited to the MS-ITL portal admin area",
            $"""
            Hello{(string.IsNullOrWhiteSpace(user.DisplayName) ? "" : " " + user.DisplayName)},

            You have been given an account for the MS-ITL portal's admin area ({string.Join(", ", roles)}).
            Choose your password here:

            {link}

            The link works once and expires in {TokenLifespan.TotalDays:0} days. If you did not expect this
            email, you can ignore it.
            """, cancellationToken);
    }

    /// <summary>Queues a reset link for the address; the same work whether or not it belongs to a staff member.</summary>
    public void RequestPasswordReset(string email) => SendPasswordResetJob.Enqueue(jobs, users.NormalizeEmail(email.Trim()));

    public async Task SendPasswordResetAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var link = await PasswordLinkAsync(user, ResetPasswordPath);
        await SendAsync(user, "Reset your MS-ITL portal password",
            $"""
            Someone (hopefully you) asked to reset the password of your MS-ITL portal account.
            Choose a new password here:

            {link}

            If you did not ask for this, ignore this email: your password stays as it is.
            """, cancellationToken);
    }

    /// <summary>Sets the password from an emailed link; unknown addresses fail like a bad link would.</summary>
    public async Task<IdentityResult> SetPasswordFromLinkAsync(string email, string code, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Description = InvalidLink });
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return IdentityResult.Failed(new IdentityError { Description = InvalidLink });
        }

        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? IdentityResult.Failed(new IdentityError { Description = InvalidLink })
                : reset;
        }

        // Following the emailed link proves the address.
        user.EmailConfirmed = true;
        await users.ResetAccessFailedCountAsync(user);
        return await users.UpdateAsync(user);
    }

    public const string InvalidLink = "This link is invalid or has expired. Ask for a new one.";

    public static readonly TimeSpan TokenLifespan = TimeSpan.FromDays(3);

    public async Task<IdentityResult> SetRolesAsync(StaffUser user, IReadOnlyCollection<string> roles, string actingUserId)
    {
        var wanted = roles.Intersect(StaffRoles.All).ToList();
        if (!wanted.Contains(StaffRoles.Admin) && await IsLastActiveAdminAsync(user))
        {
            return Refused("This is the only active Admin; make someone else an Admin first.");
        }

        if (user.Id == actingUserId && !wanted.Contains(StaffRoles.Admin))
        {
            return Refused("You cannot take the Admin role away from yourself.");
        }

        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        // A new security stamp makes open sessions pick up the new roles at their next check.
        return added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
    }

    public async Task<IdentityResult> SetDisabledAsync(StaffUser user, bool disabled, string actingUserId)
    {
        if (disabled && user.Id == actingUserId)
        {
            return Refused("You cannot disable your own account.");
        }

        if (disabled && await IsLastActiveAdminAsync(user))
        {
            return Refused("This is the only active Admin; make someone else an Admin first.");
        }

        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (updated.Succeeded && disabled)
        {
            await StaffSessionStore.EndAllAsync(db, user.Id);
        }

        return updated.Succeeded ? await users.UpdateSecurityStampAsync(user) : updated;
    }

    /// <summary>For a staff member who lost their phone: they sign in with the password and set up a new app.</summary>
    public async Task<IdentityResult> ResetTwoFactorAsync(StaffUser user)
    {
        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        return disabled.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : disabled;
    }

    /// <summary>The `create-admin` command: creates the account or resets its password, and makes it an active Admin.</summary>
    public async Task<IdentityResult> CreateOrResetAdminAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, password);
            if (result.Succeeded)
            {
                user.IsDisabled = false;
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                result = await users.UpdateAsync(user);
            }
        }

        if (result.Succeeded && !await users.IsInRoleAsync(user, StaffRoles.Admin))
        {
            result = await users.AddToRoleAsync(user, StaffRoles.Admin);
        }

        return result;
    }

    private async Task<bool> IsLastActiveAdminAsync(StaffUser user)
    {
        var admins = await users.GetUsersInRoleAsync(StaffRoles.Admin);
        return admins.Any(a => a.Id == user.Id) && admins.Count(a => !a.IsDisabled) <= 1;
    }

    private async Task<Uri> PasswordLinkAsync(StaffUser user, string path)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return new Uri(site.Value.UrlFor($"{path}?email={Uri.EscapeDataString(user.Email!)}&code={code}"));
    }

    private async Task SendAsync(StaffUser user, string subject, string text, CancellationToken cancellationToken)
    {
        var from = mailOptions.Value;
        var message = new MimeMessage
        {
            Subject = subject,
            Body = new TextPart("plain") { Text = text },
        };
        message.From.Add(new MailboxAddress(from.FromName, from.FromAddress));
        message.To.Add(new MailboxAddress(user.DisplayName ?? user.Email, user.Email!));
        await mail.SendAsync(message, cancellationToken);
    }

    private static IdentityResult Refused(string reason) => IdentityResult.Failed(new IdentityError { Description = reason });
}
