using ProgramPortal.Data;

namespace ProgramPortal.Hosting;

public static class SiteExtensions
{
    public static WebApplicationBuilder AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddRazorPages();
        // HTTPS responses stay uncompressed (the default) because admin forms echo input next to
        // antiforgery tokens (BREACH); a TLS-terminating proxy compresses what it judges safe.
        builder.Services.AddResponseCompression();
        return builder;
    }

    public static WebApplication UsePublicSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseResponseCompression();
        app.UseRouting();
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
