using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProgramPortal.Content;
using ProgramPortal.Email;
using ProgramPortal.Identity;
using ProgramPortal.Jobs;

namespace ProgramPortal.Data;

/// <summary>
/// The deploy step behind the `migrate` verb: applies migrations, seeds an empty database and makes
/// sure the staff roles and first admin exist. Web instances never do this at start; they only check.
/// </summary>
public sealed class DatabaseMigrator(PortalDbContext db, FirstAdmin firstAdmin, JobsSchema jobs, ILogger<DatabaseMigrator> logger)
{
    // Any fixed number works; it only has to be the same for every migrate process.
    private const long MigrateLockKey = 7_310_442_019;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // Two deploy steps started at once (say, two replicas' init jobs) would otherwise both see
        // an empty database and seed it twice; a session advisory lock makes them take turns.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrateLockKey})", cancellationToken);
            // EF Core reads the history table before creating it and logs that read as a failed
            // command: an error on every new install. Creating the table first spares it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (pending.Any())
            {
                logger.LogInformation("Applied migrations {Migrations}", string.Join(", ", pending));
            }

            jobs.Install(db.Database.GetDbConnection());
            logger.LogInformation("Database schema, including Hangfire's, is up to date");

            if (await ContentSeed.SeedIfEmptyAsync(db, cancellationToken))
            {
                logger.LogInformation("Seeded the program content into an empty database");
            }

            if (await EmailSequenceSeed.SeedIfEmptyAsync(db, cancellationToken))
            {
                logger.LogInformation("Seeded the lead follow-up email sequence");
            }

            await firstAdmin.EnsureAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrateLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
}
