using Microsoft.EntityFrameworkCore;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

/// <summary>The overview, education and FAQ pages.</summary>
public class ProgramPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_overview_shows_format_duration_pathways_audience_statistics_and_both_tracks()
    {
        var page = await app.GetDocumentAsync("/");

        Assert.Equal(["Format: Online", "Duration: as little as 20 months"], page.QuerySelectorAll(".facts li").Select(li => li.Text()));
        Assert.Equal(["Applied data science", "Artificial intelligence", "Cybersecurity"],
            page.QuerySelectorAll("section[aria-labelledby=pathways] li").Select(li => li.Text()));
        Assert.Contains("at least two years of experience", page.QuerySelector("section[aria-labelledby=audience]")!.Text());

        var statistics = page.QuerySelectorAll(".stat").ToList();
        Assert.Equal(["317,700", "15%"], statistics.Select(s => s.QuerySelector(".stat-value")!.Text()));
        Assert.All(statistics, s => Assert.Contains("U.S. Bureau of Labor Statistics", s.QuerySelector("cite")!.Text()));
        Assert.All(statistics, s => Assert.Contains("retrieved December 2025", s.QuerySelector("cite")!.Text()));

        var tracks = page.QuerySelectorAll("section[aria-labelledby=tracks] .card").ToList();
        Assert.Equal(["Information Systems (IS)", "Information Technology (IT)"], tracks.Select(t => t.QuerySelector("h3")!.Text()));
        Assert.Contains("People, Processes, Data, Hardware, Software", tracks[0].Text());
        Assert.Equal("/careers?track=IT", tracks[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Education_shows_degrees_and_certifications_per_field()
    {
        var page = await app.GetDocumentAsync("/education");

        var tracks = page.QuerySelectorAll(".card").ToDictionary(c => c.QuerySelector("h2")!.Text(),
            c => c.QuerySelectorAll("h3").ToDictionary(h => h.Text(), h => h.NextElementSibling!.QuerySelectorAll("li").Select(li => li.Text()).ToList()));
        Assert.Equal(["Information Systems (IS)", "Information Technology (IT)"], tracks.Keys);
        Assert.Equal(["CompTIA A+", "CompTIA Network+", "Cisco CCNA"], tracks["Information Technology (IT)"]["Certifications"]);
        Assert.Equal(["CISSP", "CISA", "CRISC"], tracks["Information Systems (IS)"]["Certifications"]);
        Assert.Contains("Management information systems", tracks["Information Systems (IS)"]["Bachelor's degree"]);
        Assert.Contains("MS in Information Systems (MSIS)", tracks["Information Systems (IS)"]["Master's degree"]);
        Assert.Contains("Software engineering", tracks["Information Technology (IT)"]["Bachelor's degree"]);
        Assert.Contains("cloud, cybersecurity and enterprise infrastructure", page.QuerySelector(".card:last-child")!.Text());
    }

    [Fact]
    public async Task Education_asks_the_four_choosing_a_path_questions()
    {
        var questions = (await app.GetDocumentAsync("/education")).QuerySelectorAll(".questions li").ToList();

        Assert.Equal(["Career interests", "Long-term goals", "Educational preferences", "Flexibility"],
            questions.Select(q => q.QuerySelector("h3")!.Text()));
        Assert.Contains("remote", questions[3].Text());
    }

    [Fact]
    public async Task The_faq_shows_every_question_with_its_answer()
    {
        var page = await app.GetDocumentAsync("/faq");
        await using var db = app.NewDbContext();
        var items = await db.FaqItems.OrderBy(f => f.SortOrder).Select(f => new { f.Question, f.Answer }).ToListAsync();

        Assert.Equal(items.Select(i => (i.Question, i.Answer)),
            page.QuerySelectorAll(".faq section").Select(s => (s.QuerySelector("h2")!.Text(), s.QuerySelector("p")!.Text())));
    }
}
