using System.Security.Claims;
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

    private static readonly string[] ContentRoles = [StaffRoles.Editor, StaffRoles.Admin];
    private static readonly string[] LeadsRoles = [StaffRoles.Admissions, StaffRoles.Admin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.All));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));
        options.AddPolicy(Content, policy => policy.RequireAuthenticatedUser().RequireRole(ContentRoles));
        options.AddPolicy(Leads, policy => policy.RequireAuthenticatedUser().RequireRole(LeadsRoles));
    }

    /// <summary>Whether the <see cref="Content"/> pages let this user in: for showing links to them.</summary>
    public static bool MayEditContent(ClaimsPrincipal user) => ContentRoles.Any(user.IsInRole);

    /// <summary>Whether the <see cref="Leads"/> pages let this user in: for showing links to them.</summary>
    public static bool MayWorkLeads(ClaimsPrincipal user) => LeadsRoles.Any(user.IsInRole);
}
