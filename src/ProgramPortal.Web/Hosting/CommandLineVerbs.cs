using ProgramPortal.Data;

namespace ProgramPortal.Hosting;

/// <summary>
/// Verbs for operators, run as `ProgramPortal.Web &lt;verb&gt;` with the same configuration as the site.
/// They do their job and exit instead of serving requests.
/// </summary>
public static class CommandLineVerbs
{
    public const string Migrate = "migrate";
    public const string HealthCheck = "healthcheck";
    public static readonly IReadOnlyList<string> Names = [Migrate, HealthCheck];

    public static async Task<int?> RunVerbAsync(this WebApplication app, string[] args)
    {
        // A verb is the first argument; everything else is ordinary configuration such as --urls.
        var verb = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        switch (verb)
        {
            case null:
                return null;
            case Migrate:
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                    SharedKeyRing.EnsureKey(scope.ServiceProvider);
                }
                return 0;
            case HealthCheck:
                return await HealthProbe.RunAsync(app.Configuration);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{verb}'. Known commands: {string.Join(", ", Names)}.");
                return 2;
        }
    }

    /// <summary>
    /// Refuses to serve an out-of-date schema: a web instance that ran against it would fail on the
    /// first query instead of at start, where the operator is looking.
    /// </summary>
    public static async Task<bool> HasMigratedDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().PendingMigrationsAsync();
        if (pending.Count == 0)
        {
            return true;
        }

        app.Logger.LogCritical(
            "The database is missing {Count} migration(s) ({Names}). Run the `migrate` command first "
            + "(deploy/run.sh does this for you).", pending.Count, string.Join(", ", pending));
        return false;
    }
}
