using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Identity;

namespace ProgramPortal.Data;

/// <summary>
/// The deploy step behind the `migrate` verb: applies migrations, seeds an empty database and makes
/// sure the staff roles and first admin exist. Web instances never do this at start; they only check.
/// </summary>
public sealed class DatabaseMigrator(PortalDbContext db, FirstAdmin firstAdmin, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is up to date");

        if (await ContentSeed.SeedIfEmptyAsync(db, cancellationToken))
        {
            logger.LogInformation("Seeded the program content into an empty database");
        }

        await firstAdmin.EnsureAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
}
