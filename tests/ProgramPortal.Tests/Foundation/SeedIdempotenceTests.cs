using Microsoft.EntityFrameworkCore;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Foundation;

public class SeedIdempotenceTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Running_migrate_again_keeps_what_staff_edited_and_adds_no_duplicates()
    {
        await using (var db = app.NewDbContext())
        {
            var cio = await db.CareerRoles.SingleAsync(r => r.Title == "Chief Information Officer (CIO)");
            cio.MedianSalary = 310_000m;
            db.FaqItems.Remove(await db.FaqItems.OrderBy(f => f.Id).FirstAsync());
            await db.SaveChangesAsync();
        }

        await PortalProcess.MigrateAsync(app.ConnectionString);

        await using (var db = app.NewDbContext())
        {
            Assert.Equal(310_000m, (await db.CareerRoles.SingleAsync(r => r.Title == "Chief Information Officer (CIO)")).MedianSalary);
            Assert.Equal(18, await db.CareerRoles.CountAsync());
            Assert.Equal(1, await db.Programs.CountAsync());
            Assert.Equal(4, await db.FaqItems.CountAsync());
        }
    }
}

public class ConcurrentMigrateTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    [Fact]
    public async Task Two_migrate_commands_started_together_on_an_empty_database_seed_it_once()
    {
        var connectionString = database.ConnectionString;
        await Task.WhenAll(PortalProcess.MigrateAsync(connectionString), PortalProcess.MigrateAsync(connectionString));

        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand(
            "SELECT (SELECT count(*) FROM career_roles) * 10 + (SELECT count(*) FROM programs)", connection);
        Assert.Equal(181L, await count.ExecuteScalarAsync());
    }
}
