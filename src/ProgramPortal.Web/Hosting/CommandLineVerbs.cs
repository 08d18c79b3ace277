using ProgramPortal.Data;
using ProgramPortal.Identity;

namespace ProgramPortal.Hosting;

/// <summary>
/// Verbs for operators, run as `ProgramPortal.Web &lt;verb&gt;` with the same configuration as the site.
/// They do their job and exit instead of serving requests.
/// </summary>
public static class CommandLineVerbs
{
    public const string Migrate = "migrate";
    public const string HealthCheck = "healthcheck";
    public const string CreateAdmin = "create-admin";
    public static readonly IReadOnlyList<string> Names = [Migrate, HealthCheck, CreateAdmin];

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
            case CreateAdmin:
                return await CreateAdminAsync(app, args);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{verb}'. Known commands: {string.Join(", ", Names)}.");
                return 2;
        }
    }

    /// <summary>
    /// `create-admin EMAIL`: creates an Admin, or resets the password of an existing account, unlocks
    /// and re-enables it and makes it an Admin. The password comes from PORTAL_ADMIN_PASSWORD or, so
    /// it stays out of shell history, from the first line of standard input.
    /// </summary>
    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        var email = args.Length > 1 ? args[1] : null;
        if (string.IsNullOrWhiteSpace(email) || email.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin EMAIL (password from PORTAL_ADMIN_PASSWORD or standard input)");
            return 2;
        }

        var password = app.Configuration["PORTAL_ADMIN_PASSWORD"];
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"Password for {email}:");
            password = await Console.In.ReadLineAsync();
        }

        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password given.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirstAdmin>().EnsureRolesAsync();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateOrResetAdminAsync(email, password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Could not create or reset the admin: "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await Console.Out.WriteLineAsync($"{email} is an active Admin and can sign in with the new password.");
        return 0;
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
