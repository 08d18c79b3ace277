using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Hosting;

/// <summary>What changes when the portal runs for real: behind a reverse proxy, over HTTPS, stopped by an orchestrator.</summary>
public static class ProductionHosting
{
    /// <summary>The environment the test fixture runs in: like Development, it serves plain HTTP.</summary>
    public const string TestingEnvironment = "Testing";

    public static bool ServesPlainHttp(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);

    public static WebApplicationBuilder AddProductionHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReverseProxyOptions>()
            .Bind(builder.Configuration.GetSection(ReverseProxyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) => proxy.Value.ApplyTo(forwarded));

        builder.Services.AddOptions<HttpsOptions>()
            .Bind(builder.Configuration.GetSection(HttpsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<HstsOptions>()
            .Configure<IOptions<HttpsOptions>>((hsts, https) => hsts.MaxAge = TimeSpan.FromDays(https.Value.HstsMaxAgeDays));
        builder.Services.AddOptions<HttpsRedirectionOptions>()
            .Configure<IOptions<HttpsOptions>>((redirection, https) => redirection.HttpsPort = https.Value.HttpsPort);

        builder.Services.AddOptions<ShutdownOptions>()
            .Bind(builder.Configuration.GetSection(ShutdownOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
                host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.TimeoutSeconds));
        return builder;
    }

    public static WebApplication UseProductionHosting(this WebApplication app)
    {
        // First, so everything after it (logs, HTTPS checks, rate limits) sees the client's
        // address and scheme rather than the proxy's.
        app.UseForwardedHeaders();
        if (ServesPlainHttp(app.Environment))
        {
            return app;
        }

        var https = app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value;
        if (https.UseHsts)
        {
            // Ahead of the exception handler, which clears headers: a 500 page goes out without
            // HSTS, and browsers keep the policy from any earlier response.
            app.UseHsts();
        }

        if (https.RedirectToHttps)
        {
            // Health probes (Docker, a load balancer) call the instance directly over plain HTTP;
            // a redirect would read as unhealthy.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments(HealthProbe.Path),
                site => site.UseHttpsRedirection());
        }

        return app;
    }
}
