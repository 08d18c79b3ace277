using Microsoft.EntityFrameworkCore;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

public class CareersPageTests(PortalApp app) : IClassFixture<PortalApp>
{
    public static TheoryData<string, string, string, string> Roles => new()
    {
        { "IT", "Entry level", "IT Support", "$73,000" },
        { "IT", "Entry level", "Technician", "$61,000" },
        { "IT", "Entry level", "Web Developer", "$98,000" },
        { "IT", "Mid-career", "Security Engineer", "$167,000" },
        { "IT", "Mid-career", "DevOps Engineer", "$142,000" },
        { "IT", "Mid-career", "Database Administrator (DBA)", "$104,620" },
        { "IT", "Senior level", "IT Director", "$165,000" },
        { "IT", "Senior level", "IT Program Manager", "$176,000" },
        { "IT", "Senior level", "Director of Information Security", "$278,000" },
        { "IS", "Entry level", "Help Desk Technician", "$64,000" },
        { "IS", "Entry level", "Systems Analyst", "$103,000" },
        { "IS", "Entry level", "IS Technician", "$83,000" },
        { "IS", "Mid-career", "Business Analyst", "$105,000" },
        { "IS", "Mid-career", "Database Manager", "$106,000" },
        { "IS", "Mid-career", "IS Project Lead", "$161,000" },
        { "IS", "Senior level", "Director of Information Systems", "$175,000" },
        { "IS", "Senior level", "Information Systems Architect", "$166,000" },
        { "IS", "Senior level", "Chief Information Officer (CIO)", "$300,000" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_visitor_sees_every_role_under_its_field_and_level_with_description_and_median(
        string track, string level, string title, string median)
    {
        var page = await app.GetDocumentAsync("/careers");
        await using var db = app.NewDbContext();
        var description = await db.CareerRoles.Where(r => r.Title == title).Select(r => r.Description).SingleAsync();

        var role = Assert.Single(page.QuerySelectorAll($"section[aria-labelledby='paths-{track}'] li.role"),
            li => li.QuerySelector("h4")!.Text() == title);
        Assert.Equal(level, role.ParentElement!.PreviousElementSibling!.Text());
        Assert.Equal(description, role.QuerySelector("p")!.Text());
        Assert.Equal($"Median salary: {median}", role.QuerySelector(".salary")!.Text());
    }

    [Fact]
    public async Task Salaries_are_dated_as_of_the_month_their_sources_were_retrieved()
    {
        var page = await app.GetDocumentAsync("/careers");

        Assert.Contains("as of December 2025", page.QuerySelector(".as-of")!.Text());
        Assert.All(page.QuerySelectorAll("svg title"), title => Assert.Contains("as of December 2025", title.TextContent));
    }

    [Fact]
    public async Task The_filter_narrows_the_roles_by_field_and_level_through_the_query_string()
    {
        var page = await app.GetDocumentAsync("/careers?track=it&level=Senior");

        Assert.Equal(["IT Director", "IT Program Manager", "Director of Information Security"],
            page.QuerySelectorAll("li.role h4").Select(h => h.Text()));
        Assert.Null(page.QuerySelector("#paths-IS"));
        Assert.Equal("IT", page.QuerySelector("select[name=track] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Senior", page.QuerySelector("select[name=level] option[selected]")!.GetAttribute("value"));
        Assert.Equal("get", page.QuerySelector("form.filter")!.GetAttribute("method"));
    }

    [Theory]
    [InlineData("/careers?track=xyz&level=5")]
    [InlineData("/careers?track=1&level=")]
    [InlineData("/careers?track=%3Cscript%3E&level[]=x")]
    public async Task Unknown_filter_values_show_every_role_instead_of_failing(string path)
    {
        var page = await app.GetDocumentAsync(path);

        Assert.Equal(18, page.QuerySelectorAll("li.role").Length);
        Assert.Equal("", page.QuerySelector("select[name=track] option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("IS", "Chief Information Officer (CIO): $300,000", "100%")]
    [InlineData("IT", "Director of Information Security: $278,000", "92.7%")]
    public async Task Each_field_has_a_salary_bar_chart_with_a_table_alternative(string track, string topBar, string topWidth)
    {
        var section = (await app.GetDocumentAsync("/careers")).QuerySelector($"section[aria-labelledby='paths-{track}']")!;

        var chart = section.QuerySelector("svg[role=img]")!;
        var titleId = chart.GetAttribute("aria-labelledby")!;
        Assert.NotNull(chart.QuerySelector($"title[id='{titleId}']"));
        Assert.Equal(9, chart.QuerySelectorAll("rect").Length);
        Assert.Equal(topBar, chart.QuerySelector("text")!.Text());
        Assert.Equal(topWidth, chart.QuerySelector("rect")!.GetAttribute("width"));

        var table = section.QuerySelector("table")!;
        Assert.Contains("as of December 2025", table.QuerySelector("caption")!.Text());
        var rows = table.QuerySelectorAll("tbody tr").Select(r => $"{r.Children[0].Text()}: {r.Children[1].Text()}").ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(topBar, rows[0]);
    }

    [Fact]
    public async Task Roles_common_to_both_fields_show_which_way_they_lean()
    {
        var table = (await app.GetDocumentAsync("/careers")).QuerySelector("section[aria-labelledby=common-roles] table")!;

        Assert.Equal(
        [
            "Project Manager: Both fields equally",
            "Systems Analyst: Leans towards Information Systems",
            "Database Administrator: Both fields equally",
            "Business Analyst: Leans towards Information Systems",
            "IT Auditor: Leans towards Information Technology",
            "Technical Support / Operations Lead: Leans towards Information Technology",
        ], table.QuerySelectorAll("tbody tr").Select(r => $"{r.Children[0].Text()}: {r.Children[1].Text()}"));
    }

    [Fact]
    public async Task The_fraud_detection_example_shows_what_each_field_brings()
    {
        var section = (await app.GetDocumentAsync("/careers")).QuerySelector("section[aria-labelledby=collaboration]")!;

        Assert.Contains("Fraud detection", section.QuerySelector("h2")!.Text());
        var lists = section.QuerySelectorAll(".card").ToDictionary(c => c.QuerySelector("h3")!.Text(),
            c => c.QuerySelectorAll("li").Select(li => li.Text()).ToList());
        Assert.Equal(["Firewalls", "Identity verification", "Endpoint protection", "Network monitoring"], lists["What IT brings"]);
        Assert.Equal(["Transaction workflows", "Risk data", "Dashboards for fraud analysts", "Regulatory compliance"], lists["What IS brings"]);
    }

    [Fact]
    public async Task Each_role_is_described_to_search_engines_as_an_occupation_with_a_dated_median_salary()
    {
        var data = Assert.Single((await app.GetDocumentAsync("/careers")).JsonLd());

        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        var occupations = data.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(18, occupations.Count);
        var expected = Roles.Select(row => ((string)row[2], decimal.Parse(((string)row[3]).Trim('$').Replace(",", ""))));
        Assert.Equal(expected.OrderBy(e => e.Item1), occupations.Select(o =>
        {
            Assert.Equal("Occupation", o.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("description").GetString()));
            var salary = Assert.Single(o.GetProperty("estimatedSalary").EnumerateArray());
            Assert.Equal("MonetaryAmountDistribution", salary.GetProperty("@type").GetString());
            Assert.Equal("USD", salary.GetProperty("currency").GetString());
            Assert.Equal("2025-12-01", o.GetProperty("mainEntityOfPage").GetProperty("lastReviewed").GetString());
            return (o.GetProperty("name").GetString()!, salary.GetProperty("median").GetDecimal());
        }).OrderBy(e => e.Item1));
    }
}
