using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;
using ProgramPortal.Hosting;
using ProgramPortal.Identity;

namespace ProgramPortal.Jobs;

public static class JobsExtensions
{
    public const string DashboardPath = "/admin/jobs";
    public const string SchemaName = "hangfire";

    /// <summary>Hangfire over the portal's own PostgreSQL database, in a schema of its own.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>()
            .Bind(builder.Configuration.GetSection(JobsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var connectionString = builder.Configuration.GetConnectionString(DataExtensions.ConnectionStringName)!;

        // Hangfire's defaults are process-wide statics (JobStorage.Current, JobActivator.Current).
        // Registering our own first keeps each host on its own database and container, which matters
        // when several hosts share a process (the integration tests).
        builder.Services.AddSingleton<JobStorage>(_ =>
        {
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = SchemaName,
                // The migrate step installs and upgrades Hangfire's schema (JobsSchema).
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = settings.PollInterval,
                // Hangfire's locks are rows; one whose release failed (the database went away while it
                // was held) blocks its resource until it is this old. The default, 10 minutes, left
                // every worker waiting on a job's state lock after a database restart, with no email
                // sent for that long. Hangfire holds its locks for milliseconds, and the one job that
                // holds one for its whole run (EraseExpiredLeadsJob) is safe to run twice.
                DistributedLockTimeout = TimeSpan.FromSeconds(30),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
        });
        builder.Services.AddScoped<JobsSchema>();
        builder.Services.AddSingleton<JobActivator>(services =>
            new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostBoundLogProvider(services.GetRequiredService<ILoggerFactory>())));

        if (settings.RunServer)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                server.WorkerCount = settings.WorkerCount;
                server.SchedulePollingInterval = settings.PollInterval;
                // On SIGTERM Hangfire gets half the drain time for running jobs to stop on their own
                // (the email sender finishes the email in hand and claims no more) and a third more to
                // put interrupted jobs back in their queue. Both end inside the host's own shutdown
                // timeout, so the host never cuts Hangfire off mid-way.
                var drain = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ShutdownOptions>>().Value.TimeoutSeconds);
                server.StopTimeout = drain / 2;
                server.ShutdownTimeout = drain / 3;
            });
        }

        return builder;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        // The dashboard is not a Razor page, so the page filter that sends staff without the required
        // authenticator app to set one up does not see it; the same rule runs here, after authorization.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath),
            dashboard => dashboard.Use(TwoFactorRequirementFilter.SendToSetupAsync));
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AppPath = "/",
            DisplayStorageConnectionString = false,
            AsyncAuthorization = [new AdminOnlyDashboardAuthorization()],
        })
        // The same Admin policy as the admin pages, so visitors get the sign-in page or the
        // "denied" page rather than Hangfire's bare 401; Hangfire's own filter stays as a backstop.
        .RequireAuthorization(StaffPolicies.Admin);
        return app;
    }
}
