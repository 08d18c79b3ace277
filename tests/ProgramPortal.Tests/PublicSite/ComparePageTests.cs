using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

public class ComparePageTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_comparison_chart_shows_every_aspect_with_salary_ranges_computed_from_the_roles()
    {
        var table = (await app.GetDocumentAsync("/compare")).QuerySelector("table.comparison")!;

        Assert.Equal(["Aspect", "Information Systems (IS)", "Information Technology (IT)"],
            table.QuerySelectorAll("thead th").Select(th => th.Text()));
        var rows = table.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.Children[0].Text(), r => (Is: r.Children[1].Text(), It: r.Children[2].Text()));
        Assert.Equal(["Primary focus", "Skills", "Common courses", "Common job titles", "Salary range", "Leadership potential"], rows.Keys);
        Assert.Equal(("$64,000 to $300,000", "$61,000 to $278,000"), rows["Salary range"]);
        Assert.Contains("Business Analytics", rows["Common courses"].Is);
        Assert.Contains("Cloud Computing", rows["Common courses"].It);
        Assert.Contains("chief data officer", rows["Leadership potential"].Is);
        Assert.Contains("CTO", rows["Leadership potential"].It);
    }

    [Fact]
    public async Task The_salary_ranges_are_dated_and_explained()
    {
        var page = await app.GetDocumentAsync("/compare");

        var note = page.QuerySelector(".as-of")!.Text();
        Assert.Contains("as of December 2025", note);
        Assert.Contains("lowest to the highest median salary", note);
    }

    [Fact]
    public async Task The_skills_both_fields_need_are_listed()
    {
        var skills = (await app.GetDocumentAsync("/compare")).QuerySelectorAll(".skills li strong").Select(s => s.Text());

        Assert.Equal(
        [
            "Networks, data flows and information architecture.", "Technical literacy.", "Communication and teamwork.",
            "Data management and digital business operations.", "Problem solving and troubleshooting.",
        ], skills);
    }
}
