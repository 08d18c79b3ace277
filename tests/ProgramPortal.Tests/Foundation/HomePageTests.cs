using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Foundation;

public class HomePageTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Shows_the_program_and_its_headline_statistics_with_dated_sources()
    {
        var html = await app.GetPageAsync("/");

        Assert.Contains("Master of Science in Information Technology Leadership", html);
        Assert.Contains("University of San Diego", html);
        Assert.Contains("20 months", html);
        Assert.Contains("317,700", html);
        Assert.Contains("15%", html);
        Assert.Contains("U.S. Bureau of Labor Statistics", html);
        Assert.Contains("retrieved December 2025", html);
        Assert.Contains("href=\"/request-info\"", html);
    }
}
