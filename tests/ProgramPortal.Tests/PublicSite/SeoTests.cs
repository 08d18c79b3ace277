using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using ProgramPortal.Seo;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

/// <summary>The site as the public sees it from behind a proxy, at its configured address.</summary>
public class PublicAddressPortalApp : PortalApp
{
    public const string BaseUrl = "https://itl.example.edu";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:PublicBaseUrl", BaseUrl + "/");
    }
}

public class SeoTests(PublicAddressPortalApp app) : IClassFixture<PublicAddressPortalApp>
{
    private const string BaseUrl = PublicAddressPortalApp.BaseUrl;

    [Theory]
    [MemberData(nameof(PublicPaths.EachPage), MemberType = typeof(PublicPaths))]
    public async Task Every_page_has_a_canonical_link_and_open_graph_tags_at_the_public_address(string path)
    {
        var page = await app.GetDocumentAsync(path + "?utm_source=newsletter");

        var canonical = BaseUrl + path;
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        string? Meta(string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
        Assert.Equal(canonical, Meta("og:url"));
        Assert.Equal(page.Title, Meta("og:title"));
        Assert.Equal("website", Meta("og:type"));
        Assert.Equal(page.QuerySelector("meta[name=description]")!.GetAttribute("content"), Meta("og:description"));
    }

    [Fact]
    public async Task Every_page_has_its_own_title_and_description()
    {
        var pages = await Task.WhenAll(PublicPaths.EveryPage.Select(app.GetDocumentAsync));

        var titles = pages.Select(p => p.Title).ToList();
        var descriptions = pages.Select(p => p.QuerySelector("meta[name=description]")?.GetAttribute("content")).ToList();
        Assert.All(titles, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.All(descriptions, d => Assert.InRange(d?.Length ?? 0, 50, 200));
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_page_at_the_public_address()
    {
        var sitemap = XDocument.Parse(await app.GetPageAsync("/sitemap.xml"));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal(ns + "urlset", sitemap.Root!.Name);
        var locations = sitemap.Root.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.All(PublicPaths.EveryPage, path => Assert.Contains(BaseUrl + path, locations));
        Assert.DoesNotContain(locations, l => l.Contains("/admin"));
    }

    [Fact]
    public async Task Robots_keeps_crawlers_out_of_the_admin_area_and_points_at_the_sitemap()
    {
        var lines = (await app.GetPageAsync("/robots.txt")).Split('\n');

        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", lines);
    }

    [Fact]
    public async Task The_overview_describes_the_program_as_an_educational_occupational_program()
    {
        var data = Assert.Single((await app.GetDocumentAsync("/")).JsonLd());

        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        Assert.Equal("EducationalOccupationalProgram", data.GetProperty("@type").GetString());
        Assert.Equal("Master of Science in Information Technology Leadership", data.GetProperty("name").GetString());
        Assert.Equal("MS-ITL", data.GetProperty("alternateName").GetString());
        Assert.Equal($"{BaseUrl}/", data.GetProperty("url").GetString());
        Assert.Equal("CollegeOrUniversity", data.GetProperty("provider").GetProperty("@type").GetString());
        Assert.Equal("University of San Diego", data.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal("online", data.GetProperty("educationalProgramMode").GetString());
        Assert.Equal("P20M", data.GetProperty("timeToComplete").GetString());
    }

    [Fact]
    public async Task The_faq_is_described_as_an_faq_page_with_every_question_and_answer()
    {
        var page = await app.GetDocumentAsync("/faq");
        var data = Assert.Single(page.JsonLd());

        Assert.Equal("FAQPage", data.GetProperty("@type").GetString());
        var questions = data.GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.Equal(page.QuerySelectorAll(".faq h2").Select(h => h.Text()), questions.Select(q => q.GetProperty("name").GetString()));
        Assert.All(questions, q =>
        {
            Assert.Equal("Question", q.GetProperty("@type").GetString());
            Assert.Equal("Answer", q.GetProperty("acceptedAnswer").GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(q.GetProperty("acceptedAnswer").GetProperty("text").GetString()));
        });
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://itl.example.edu")]
    [InlineData("https://itl.example.edu/?campaign=1")]
    public void A_bad_public_base_url_stops_the_site_at_start_with_a_clear_message(string baseUrl)
    {
        using var misconfigured = app.WithWebHostBuilder(b => b.UseSetting("Site:PublicBaseUrl", baseUrl));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());
        Assert.Contains("Site__PublicBaseUrl", error.Message);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_plain_http_public_address_stops_the_site_outside_development_and_testing(string environment)
    {
        using var misconfigured = app.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("Https:RedirectToHttps", "false")
            .UseSetting("Site:PublicBaseUrl", "http://itl.example.edu"));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());
        Assert.Contains("Site__PublicBaseUrl", error.Message);
        Assert.Contains("https://", error.Message);
    }

    [Fact]
    public async Task A_plain_http_public_address_is_fine_in_development()
    {
        using var developer = app.WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("Site:PublicBaseUrl", "http://localhost:8080"));

        using var home = await developer.CreateClient().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
    }
}
