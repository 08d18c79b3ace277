using Microsoft.Extensions.Options;
using ProgramPortal.Content;
using ProgramPortal.Data;

namespace ProgramPortal.Hosting;

public static class SiteExtensions
{
    public static WebApplicationBuilder AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPortalTime(builder.Configuration);
        builder.Services.AddPublicPageCache(builder.Configuration);
        builder.Services.AddOptions<SiteOptions>()
            .Configure(site => site.PublicBaseUrl = builder.Configuration["PORTAL_URL"] ?? site.PublicBaseUrl)
            .Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiteOptions>, PublicAddressMustBeHttps>();
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddRazorPages().AddMvcOptions(mvc => mvc.Filters.Add(new UnhandledMethodFilter()));
        // HTTPS responses stay uncompressed (the default) because admin forms echo input next to
        // antiforgery tokens (BREACH); a TLS-terminating proxy compresses what it judges safe.
        builder.Services.AddResponseCompression();
        // Features add their own policies; a rejected request shows the friendly /error page for 429.
        builder.Services.AddRateLimiter(limiter => limiter.OnRejected = (context, _) =>
        {
            TooManyRequests.Answer(context.HttpContext.Response, context.Lease);
            return ValueTask.CompletedTask;
        });
        return builder;
    }

    public static WebApplication UsePublicSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                // A request Kestrel refused to read on (a body over its 30 MB limit) is the client's
                // error, whichever code read the body and however it wrapped the exception (Hangfire's
                // antiforgery check does): 413 rather than 500.
                StatusCodeSelector = exception => RefusedRequest(exception)?.StatusCode ?? StatusCodes.Status500InternalServerError,
            });
        }

        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseResponseCompression();
        app.UseRouting();
        app.UseSmallFormLimits();
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static BadHttpRequestException? RefusedRequest(Exception? exception) => exception switch
    {
        null => null,
        BadHttpRequestException badRequest => badRequest,
        _ => RefusedRequest(exception.InnerException),
    };
}
