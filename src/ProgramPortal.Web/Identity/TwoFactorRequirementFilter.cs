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
    public const string SetupRedirect = SetupPage + "?required=true";

    private static readonly string[] ExemptPages = ["/Account/TwoFactor", "/Account/Logout"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        var mustSetUp = !page.StartsWith("/SignIn/", StringComparison.Ordinal)
            && !ExemptPages.Contains(page)
            && await MustSetUpAsync(context.HttpContext, db);
        if (mustSetUp)
        {
            context.Result = new RedirectResult(SetupRedirect);
            return;
        }

        await next();
    }

    /// <summary>For admin endpoints that are not Razor pages (the jobs dashboard): the same rule as middleware.</summary>
    public static async Task SendToSetupAsync(HttpContext context, RequestDelegate next)
    {
        if (await MustSetUpAsync(context, context.RequestServices.GetRequiredService<PortalDbContext>()))
        {
            context.Response.Redirect(SetupRedirect);
            return;
        }

        await next(context);
    }

    private static async Task<bool> MustSetUpAsync(HttpContext context, PortalDbContext db) =>
        context.User.Identity?.IsAuthenticated == true
        && !context.User.HasClaim(c => c.Type == StaffClaimsFactory.TwoFactorClaim)
        && await StaffSettings.TwoFactorRequiredAsync(db, context.RequestAborted);
}
