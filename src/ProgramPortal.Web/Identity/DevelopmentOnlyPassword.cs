using Microsoft.AspNetCore.Identity;

namespace ProgramPortal.Identity;

/// <summary>
/// docker-compose.yml gives the first admin a password anyone can read in this repository, so a
/// developer can sign in at once. Outside Development that password would open the admin area to
/// everyone who has read the file: every way of setting a staff password refuses it there.
/// </summary>
public sealed class DevelopmentOnlyPassword(IHostEnvironment environment) : IPasswordValidator<StaffUser>
{
    /// <summary>The default of PORTAL_ADMIN_PASSWORD in docker-compose.yml.</summary>
    public const string Published = "DevOnly-Admin-2026";

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(environment.IsDevelopment() || password != Published
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = nameof(DevelopmentOnlyPassword),
                Description = "This password is published in docker-compose.yml and works only in Development: "
                    + "set PORTAL_ADMIN_PASSWORD to one of your own.",
            }));
}
