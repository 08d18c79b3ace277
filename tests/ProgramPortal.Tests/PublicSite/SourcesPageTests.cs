using AngleSharp.Dom;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

public class SourcesPageTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Each_source_shows_its_publisher_retrieval_date_and_use()
    {
        var sources = (await app.GetDocumentAsync("/sources")).QuerySelectorAll("article.source").ToList();

        Assert.Equal(["Occupational Outlook Handbook and Employment Projections", "Glassdoor salary data"],
            sources.Select(s => s.QuerySelector("h3")!.Text()));
        Assert.Equal(("U.S. Bureau of Labor Statistics", "December 2025", "2025-12-01", "Median salary figures and job-market statistics"), Facts(sources[0]));
        Assert.Equal(("Glassdoor", "December 2025", "2025-12-01", "Median salary figures"), Facts(sources[1]));
    }

    [Fact]
    public async Task Each_source_lists_the_figures_that_rely_on_it()
    {
        var sources = (await app.GetDocumentAsync("/sources")).QuerySelectorAll("article.source").ToList();

        var bls = sources[0].QuerySelectorAll("ul").ToList();
        Assert.Equal(["Openings per year in technology-related occupations", "Projected job growth for computer and information systems managers"],
            bls[0].QuerySelectorAll("li").Select(li => li.Text()));
        Assert.Equal(18, bls[1].QuerySelectorAll("li").Length);
        Assert.Contains("Chief Information Officer (CIO)", bls[1].QuerySelectorAll("li").Select(li => li.Text()));

        var glassdoor = Assert.Single(sources[1].QuerySelectorAll("ul"));
        Assert.Equal(18, glassdoor.QuerySelectorAll("li").Length);
        Assert.Contains("Median salaries of 18 roles", sources[1].Text());
    }

    [Fact]
    public async Task The_methodology_explains_medians_derived_ranges_and_the_as_of_date()
    {
        var methodology = (await app.GetDocumentAsync("/sources")).QuerySelector("section[aria-labelledby=methodology]")!.Text();

        Assert.Contains("lowest and the highest median salary", methodology);
        Assert.Contains("oldest retrieval date", methodology);
        Assert.Contains("Salary figures are currently as of December 2025", methodology);
    }

    private static (string Publisher, string Retrieved, string DateTime, string UsedFor) Facts(IElement source)
    {
        var facts = source.QuerySelectorAll("dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!);
        return (facts["Publisher"].Text(), facts["Retrieved"].Text(),
            facts["Retrieved"].QuerySelector("time")!.GetAttribute("datetime")!, facts["Used for"].Text());
    }
}
