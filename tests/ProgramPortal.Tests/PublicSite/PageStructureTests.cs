using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

/// <summary>What every public page shares: landmarks, one h1, an unbroken heading outline and the call to action.</summary>
public class PageStructureTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [MemberData(nameof(PublicPaths.EachPage), MemberType = typeof(PublicPaths))]
    public async Task The_page_has_landmarks_one_h1_and_headings_that_never_skip_a_level(string path)
    {
        var page = await app.GetDocumentAsync(path);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#main", page.QuerySelector("body > a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("body > header nav[aria-label]"));
        Assert.NotNull(page.QuerySelector("body > main#main"));
        Assert.NotNull(page.QuerySelector("body > footer"));
        Assert.Single(page.QuerySelectorAll("h1"));

        var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1,
            $"h{pair.First} is followed by h{pair.Second} on {path}"));
    }

    [Theory]
    [MemberData(nameof(PublicPaths.EachPage), MemberType = typeof(PublicPaths))]
    public async Task The_page_offers_to_request_information(string path)
    {
        var page = await app.GetDocumentAsync(path);

        Assert.Contains(page.QuerySelectorAll("a[href='/request-info']"), a => a.Text() == "Request information");
    }
}
