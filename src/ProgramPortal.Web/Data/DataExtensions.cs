using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;

namespace ProgramPortal.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "Portal";

    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings__{ConnectionStringName} "
                + "(deploy/run.sh sets it for the local cluster).");
        }

        builder.Services.AddDbContextPool<PortalDbContext>((services, options) =>
        {
            ConfigureDbContext(options, connectionString);
            options.AddInterceptors(services.GetRequiredService<PublicContentCacheEvictor>());
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return builder;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
}
