using Microsoft.AspNetCore.Authorization;

namespace ProgramPortal.Identity;

/// <summary>Who may do what in the admin area; folders of Areas/Admin/Pages are authorised by these names.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member with at least one role.</summary>
    public const string Staff = "Staff";
    public const string Admin = "Admin";
    public const string Content = "Content";
    public const string Leads = "Leads";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.All));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        options.AddPolicy(Content, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Editor, StaffRoles.Admin));
        options.AddPolicy(Leads, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admissions, StaffRoles.Admin));
    }
}
