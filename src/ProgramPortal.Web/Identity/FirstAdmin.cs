using Microsoft.AspNetCore.Identity;

namespace ProgramPortal.Identity;

/// <summary>
/// Creates the staff roles, and the first Admin from PORTAL_ADMIN_EMAIL / PORTAL_ADMIN_PASSWORD
/// when the database has no staff user yet, so a new install can be signed in to.
/// </summary>
public sealed class FirstAdmin(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ILogger<FirstAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();

        var email = configuration["PORTAL_ADMIN_EMAIL"];
        var password = configuration["PORTAL_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        if (users.Users.Any())
        {
            logger.LogInformation("Staff accounts exist already; PORTAL_ADMIN_EMAIL is ignored");
            return;
        }

        var admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create the first admin from PORTAL_ADMIN_EMAIL: "
                + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, StaffRoles.Admin);
        logger.LogInformation("Created the first admin account {Email}", email);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
