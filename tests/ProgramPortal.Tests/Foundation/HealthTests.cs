using System.Net;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Foundation;

public class HealthTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Health_is_200_while_the_database_answers_and_503_once_it_is_gone()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await app.Postgres.DropDatabaseAsync(app.DatabaseName);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }
}
