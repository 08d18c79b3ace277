using Hangfire.Dashboard;
using ProgramPortal.Identity;

namespace ProgramPortal.Jobs;

/// <summary>The Hangfire dashboard can retry and delete jobs, so only Admins may open it.</summary>
public sealed class AdminOnlyDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context) =>
        Task.FromResult(context.GetHttpContext().User.IsInRole(StaffRoles.Admin));
}
