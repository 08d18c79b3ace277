using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Deployment;

/// <summary>The site refuses to start on a schema it does not know, where the operator is looking.</summary>
public class UnmigratedDatabaseTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    [Fact]
    public async Task On_a_database_nobody_migrated_the_site_exits_with_3_and_says_to_run_migrate()
    {
        await using var portal = PortalInstance.Launch(database.ConnectionString);

        Assert.Equal(3, await portal.WaitForExitAsync());
        var refusal = Assert.Single(portal.LogEntries, entry => entry.GetProperty("LogLevel").GetString() == "Critical");
        var message = refusal.GetProperty("Message").GetString();
        Assert.Matches(@"missing \d+ migration\(s\)", message);
        Assert.Contains("Run the `migrate` command first", message);
    }
}
