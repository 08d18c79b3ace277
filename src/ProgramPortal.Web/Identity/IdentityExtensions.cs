using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ProgramPortal.Data;
using ProgramPortal.Hosting;

namespace ProgramPortal.Identity;

public static class IdentityExtensions
{
    public static WebApplicationBuilder AddStaffIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Tokens.AuthenticatorTokenProvider = AuthenticatorCodes.ProviderName;
                options.Tokens.PasswordResetTokenProvider = PasswordResetTokens.ProviderName;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddPasswordValidator<DevelopmentOnlyPassword>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(AuthenticatorCodes.ProviderName)
            .AddTokenProvider<PasswordResetTokens>(PasswordResetTokens.ProviderName)
            .AddPasswordValidator<CommonPasswords>();

        // Invitation links use Identity's default tokens, so they must last long enough for someone to
        // read their email after a weekend; password resets have their own, shorter-lived ones.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = StaffAccounts.TokenLifespan);
        // Disabling an account or changing roles renews the security stamp; open sessions notice within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Where HTTPS is enforced, cookies never travel over plain HTTP. Where plain HTTP is served on
        // purpose (deploy/run.sh, the tests, the local compose) they follow the request: a
        // Secure-only antiforgery cookie over HTTP would fail every form with a 500.
        var securePolicy = HttpsOptions.IsEnforced(builder) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        void Harden(CookieBuilder cookie)
        {
            cookie.HttpOnly = true;
            cookie.SameSite = SameSiteMode.Strict;
            cookie.SecurePolicy = securePolicy;
        }

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/admin/login";
            cookie.LogoutPath = "/admin/logout";
            cookie.AccessDeniedPath = "/admin/denied";
            cookie.Cookie.Name = "portal.staff";
            Harden(cookie.Cookie);
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = StaffSessionOptions.IdleTimeout;
        });
        builder.Services.AddOptions<StaffSessionOptions>()
            .Bind(builder.Configuration.GetSection(StaffSessionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<StaffSessionStore>();
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<StaffSessionStore>((cookie, sessions) => cookie.SessionStore = sessions);
        // The half-signed-in cookie between password and authenticator code.
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            IdentityConstants.TwoFactorUserIdScheme, cookie => Harden(cookie.Cookie));
        builder.Services.AddAntiforgery(antiforgery => Harden(antiforgery.Cookie));

        builder.AddSharedKeyRing();


        builder.Services.AddAuthorization(StaffPolicies.Add);
        // PostConfigure: Razor Pages' own setup replaces the conventions collection, so a plain
        // Configure registered before AddRazorPages would be silently lost.
        builder.Services.PostConfigure<RazorPagesOptions>(AuthorizeAdminArea);
        builder.Services.AddScoped<TwoFactorRequirementFilter>();
        builder.Services.AddOptions<SignInLimitOptions>()
            .Bind(builder.Configuration.GetSection(SignInLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddRateLimiter(SignInThrottle.AddClientPolicy);
        builder.Services.AddScoped<SendPasswordResetJob>();
        builder.Services.AddScoped<SendInvitationJob>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<FirstAdmin>();
        return builder;
    }

    /// <summary>
    /// Everything under /admin needs a staff sign-in except the pages in SignIn/; Content, Staff and
    /// Leads need their role on top. New pages inherit their folder's rule, so none is left open by omission.
    /// </summary>
    private static void AuthorizeAdminArea(RazorPagesOptions pages)
    {
        pages.Conventions.AuthorizeAreaFolder("Admin", "/", StaffPolicies.Staff);
        pages.Conventions.AuthorizeAreaFolder("Admin", "/Content", StaffPolicies.Content);
        pages.Conventions.AuthorizeAreaFolder("Admin", "/Staff", StaffPolicies.Admin);
        pages.Conventions.AuthorizeAreaFolder("Admin", "/Leads", StaffPolicies.Leads);
        pages.Conventions.AllowAnonymousToAreaFolder("Admin", "/SignIn");
        // Anyone may post the sign-in forms: each is limited in size and in posts per client and per account.
        pages.Conventions.AddAreaFolderApplicationModelConvention("Admin", "/SignIn", model =>
        {
            model.EndpointMetadata.Add(new RequestSizeLimitAttribute(SmallForms.MaxBytes));
            model.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInThrottle.ClientPolicy));
            model.Filters.Add(new ServiceFilterAttribute(typeof(SignInThrottle)));
        });
        pages.Conventions.AddAreaFolderApplicationModelConvention("Admin", "/",
            model => model.Filters.Add(new ServiceFilterAttribute(typeof(TwoFactorRequirementFilter))));
        pages.Conventions.AddAreaPageRoute("Admin", "/SignIn/SetPassword", StaffAccounts.AcceptInvitationPath.TrimStart('/'));
    }
}
