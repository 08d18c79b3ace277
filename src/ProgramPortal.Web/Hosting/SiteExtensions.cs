using ProgramPortal.Data;

namespace ProgramPortal.Hosting;

public static class SiteExtensions
{
    public static WebApplicationBuilder AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication UsePublicSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
