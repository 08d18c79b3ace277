using Microsoft.EntityFrameworkCore;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

public class PublicPageCacheTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_page_is_served_from_the_cache_until_content_is_edited_through_the_app()
    {
        Assert.Contains("How long does the MS-ITL take?", await app.GetPageAsync("/faq"));

        // Behind the app's back (no interceptor): the cached page must not notice.
        await using (var db = app.NewDbContext())
        {
            await db.FaqItems.Where(f => f.Question == "How long does the MS-ITL take?")
                .ExecuteUpdateAsync(f => f.SetProperty(i => i.Question, "Changed behind the cache"));
        }
        Assert.Contains("How long does the MS-ITL take?", await app.GetPageAsync("/faq"));

        await app.EditContentAsync(async db =>
            (await db.FaqItems.SingleAsync(f => f.Question == "Changed behind the cache")).Question = "How long is the degree?");

        var page = await app.GetPageAsync("/faq");
        Assert.Contains("How long is the degree?", page);
        Assert.DoesNotContain("How long does the MS-ITL take?", page);
    }

    [Fact]
    public async Task Salary_pages_follow_the_oldest_source_date_as_soon_as_a_source_is_edited()
    {
        Assert.Contains("as of December 2025", await app.GetPageAsync("/careers?track=IS"));
        Assert.Contains("as of December 2025", await app.GetPageAsync("/compare"));

        await app.EditContentAsync(async db =>
            (await db.Sources.SingleAsync(s => s.Publisher == "Glassdoor")).RetrievedOn = new DateOnly(2025, 9, 15));

        Assert.Contains("as of September 2025", await app.GetPageAsync("/careers?track=IS"));
        Assert.Contains("as of September 2025", await app.GetPageAsync("/compare"));
        Assert.Contains("September 2025", await app.GetPageAsync("/sources"));
    }

    [Fact]
    public async Task Each_filter_of_the_careers_page_is_cached_on_its_own()
    {
        var informationSystems = await app.GetDocumentAsync("/careers?track=IS");
        var informationTechnology = await app.GetDocumentAsync("/careers?track=IT");

        Assert.Contains("Chief Information Officer (CIO)", informationSystems.QuerySelectorAll("li.role h4").Select(h => h.Text()));
        Assert.DoesNotContain("Chief Information Officer (CIO)", informationTechnology.QuerySelectorAll("li.role h4").Select(h => h.Text()));
    }
}
