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
        // The authenticator key is made before the job makes the link's token: making it later renews
        // the security stamp the token carries, and the link would stop working on the page that shows the key.
        await users.ResetAuthenticatorKeyAsync(user);
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

            The link works once and expires in {PasswordResetTokens.Lifespan.TotalMinutes:0} minutes.
            If you did not ask for this, ignore this email: your password stays as it is.
            """, cancellationToken);
    }

    /// <summary>
    /// The account an emailed link was sent to, when the link is still valid; unknown addresses fail
    /// like a bad link would.
    /// </summary>
    public async Task<StaffUser?> UserForLinkAsync(PasswordLink link)
    {
        if (await users.FindByEmailAsync(link.Email) is not { } user || link.Token() is not { } token)
        {
            return null;
        }

        var valid = link.IsInvitation
            ? await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, InvitationPurpose, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<StaffUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    /// <summary>Whether a new member accepting an invitation must set up an authenticator app first.</summary>
    public Task<bool> EnrolsTwoFactorAsync(PasswordLink link) =>
        link.IsInvitation ? StaffSettings.TwoFactorRequiredAsync(db) : Task.FromResult(false);

    /// <summary>
    /// Sets the password from an emailed link. When an Admin requires two-factor sign-in, accepting an
    /// invitation also needs a code from the authenticator app set up on the same page, so no new
    /// account ever exists with a password alone.
    /// </summary>
    public async Task<IdentityResult> SetPasswordFromLinkAsync(PasswordLink link, string password, string? authenticatorCode)
    {
        if (await UserForLinkAsync(link) is not { } user)
        {
            return Refused(InvalidLink);
        }

        // The password's rules first: a refused password must not use up the app's current code.
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        if (problems.Count > 0)
        {
            return IdentityResult.Failed([.. problems]);
        }

        var enrols = await EnrolsTwoFactorAsync(link);
        if (enrols && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider,
                StaffSignInManager.AuthenticatorCode(authenticatorCode ?? "")))
        {
            return Refused(WrongAuthenticatorCode);
        }

        // Setting the password renews the security stamp the link's token carries, so the link works once.
        var set = link.IsInvitation
            ? await users.AddPasswordAsync(user, password)
            : await users.ResetPasswordAsync(user, link.Token()!, password);
        if (!set.Succeeded)
        {
            return set.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidToken) or nameof(IdentityErrorDescriber.UserAlreadyHasPassword))
                ? Refused(InvalidLink)
                : set;
        }

        await users.ResetAccessFailedCountAsync(user);
        // Following the emailed link proves the address.
        user.EmailConfirmed = true;
        user.TwoFactorEnabled |= enrols;
        return await users.UpdateAsync(user);
    }

    public const string WrongAuthenticatorCode =
        "That code did not match. Check the app shows the MS-ITL portal and enter its current code.";

    private const string InvitationPurpose = "AcceptInvitation";

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
                // Also lifts a lockout.
                await users.ResetAccessFailedCountAsync(user);
                user.IsDisabled = false;
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
        var token = path == AcceptInvitationPath
            ? await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, InvitationPurpose)
            : await users.GeneratePasswordResetTokenAsync(user);
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

/// <summary>What an invitation or password-reset link carries: the address, and the token as the URL holds it.</summary>
public sealed record PasswordLink(string Email, string Code, bool IsInvitation)
{
    public string? Token()
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
