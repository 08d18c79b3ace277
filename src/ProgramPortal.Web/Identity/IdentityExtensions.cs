using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ProgramPortal.Data;

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
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/admin/login";
            cookie.AccessDeniedPath = "/admin/denied";
            cookie.Cookie.Name = "portal.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Keys live in PostgreSQL so sign-ins and antiforgery tokens survive restarts and are
        // valid on every instance behind the load balancer.
        builder.Services.AddDataProtection()
            .SetApplicationName("ProgramPortal")
            .PersistKeysToDbContext<PortalDbContext>();

        builder.Services.AddScoped<FirstAdmin>();
        return builder;
    }
}
