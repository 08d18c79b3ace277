using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Identity;

/// <summary>
/// Refuses sign-in to accounts an Admin has disabled, whatever their password or second factor, and
/// hashes the password whether or not there is an account to check it against.
/// </summary>
public sealed class StaffSignInManager(
    StaffUserManager userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        userManager.CheckPasswordOfNoOne(password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(StaffUser user, string password, bool lockoutOnFailure)
    {
        // Identity answers a disabled or locked account before hashing anything.
        if (await PreSignInCheck(user) is { } refused)
        {
            userManager.CheckPasswordOfNoOne(password);
            return refused;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>An authenticator code as typed ("123 456", "123-456"), reduced to its digits' run.</summary>
    public static string AuthenticatorCode(string typed) => typed.Replace(" ", "").Replace("-", "");
}

/// <summary>
/// Adds a claim saying whether the user has an authenticator app, so the "two-factor required"
/// rule can be checked on every admin request without a database round trip for the user.
/// </summary>
public sealed class StaffClaimsFactory(
    UserManager<StaffUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(userManager, roleManager, options)
{
    public const string TwoFactorClaim = "portal:2fa";

    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new(TwoFactorClaim, "true"));
        }

        return identity;
    }
}
