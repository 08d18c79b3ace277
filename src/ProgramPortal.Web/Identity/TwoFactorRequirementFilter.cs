using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>
/// When an Admin requires two-factor sign-in, a signed-in staff member without an authenticator app
/// can only reach the page that sets one up (and sign out) until they have done it.
/// </summary>
public sealed class TwoFactorRequirementFilter(PortalDbContext db) : IAsyncPageFilter
{
    public const string SetupPage = "/admin/account/two-factor";

    private static readonly string[] ExemptPages = ["/Account/TwoFactor", "/Account/Logout"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        var mustSetUp = user.Identity?.IsAuthenticated == true
            && !user.HasClaim(c => c.Type == StaffClaimsFactory.TwoFactorClaim)
            && !page.StartsWith("/SignIn/", StringComparison.Ordinal)
            && !ExemptPages.Contains(page)
            && await StaffSettings.TwoFactorRequiredAsync(db, context.HttpContext.RequestAborted);
        if (mustSetUp)
        {
            context.Result = new RedirectResult(SetupPage + "?required=true");
            return;
        }

        await next();
    }
}
