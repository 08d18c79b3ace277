using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Foundation;

public class SeededContentTests(PortalApp app) : IClassFixture<PortalApp>
{
    public static TheoryData<string, string, string, decimal> FactsRoles => new()
    {
        { "IT", "Entry", "IT Support", 73_000m },
        { "IT", "Entry", "Technician", 61_000m },
        { "IT", "Entry", "Web Developer", 98_000m },
        { "IT", "Mid", "Security Engineer", 167_000m },
        { "IT", "Mid", "DevOps Engineer", 142_000m },
        { "IT", "Mid", "Database Administrator (DBA)", 104_620m },
        { "IT", "Senior", "IT Director", 165_000m },
        { "IT", "Senior", "IT Program Manager", 176_000m },
        { "IT", "Senior", "Director of Information Security", 278_000m },
        { "IS", "Entry", "Help Desk Technician", 64_000m },
        { "IS", "Entry", "Systems Analyst", 103_000m },
        { "IS", "Entry", "IS Technician", 83_000m },
        { "IS", "Mid", "Business Analyst", 105_000m },
        { "IS", "Mid", "Database Manager", 106_000m },
        { "IS", "Mid", "IS Project Lead", 161_000m },
        { "IS", "Senior", "Director of Information Systems", 175_000m },
        { "IS", "Senior", "Information Systems Architect", 166_000m },
        { "IS", "Senior", "Chief Information Officer (CIO)", 300_000m },
    };

    [Theory]
    [MemberData(nameof(FactsRoles))]
    public async Task Every_role_of_the_fact_sheet_is_seeded_with_its_median_and_both_sources(
        string track, string level, string title, decimal median)
    {
        await using var db = app.NewDbContext();
        var role = await db.CareerRoles.Include(r => r.Sources).SingleAsync(r => r.Title == title && r.Track == Enum.Parse<TrackCode>(track));

        Assert.Equal(Enum.Parse<CareerLevel>(level), role.Level);
        Assert.Equal(median, role.MedianSalary);
        Assert.False(string.IsNullOrWhiteSpace(role.Description));
        Assert.Equal(["Glassdoor", "U.S. Bureau of Labor Statistics"], role.Sources.Select(s => s.Publisher).Order());
    }

    [Fact]
    public async Task Exactly_the_eighteen_roles_are_seeded()
    {
        await using var db = app.NewDbContext();
        Assert.Equal(18, await db.CareerRoles.CountAsync());
    }

    [Theory]
    [InlineData(TrackCode.IS, "$64,000 to $300,000")]
    [InlineData(TrackCode.IT, "$61,000 to $278,000")]
    public async Task Each_tracks_salary_range_is_computed_from_its_roles(TrackCode track, string expected)
    {
        await using var db = app.NewDbContext();
        var medians = await db.CareerRoles.Where(r => r.Track == track).Select(r => r.MedianSalary).ToListAsync();

        Assert.Equal(expected, SalaryRange.Of(medians).ToString());
    }

    [Fact]
    public async Task Salary_figures_are_labelled_as_of_the_month_their_sources_were_retrieved()
    {
        await using var db = app.NewDbContext();
        var dates = await db.CareerRoles.SelectMany(r => r.Sources).Select(s => s.RetrievedOn).ToListAsync();

        Assert.Equal("December 2025", AsOf.Label(dates));
    }

    [Fact]
    public async Task Every_other_fact_of_the_sheet_is_seeded()
    {
        await using var db = app.NewDbContext();
        var program = await db.Programs.SingleAsync();
        Assert.Equal("MS-ITL", program.ShortName);
        Assert.Equal("University of San Diego", program.University);
        Assert.Equal(20, program.MinimumDurationMonths);
        Assert.Equal(["Applied data science", "Artificial intelligence", "Cybersecurity"], program.Pathways);

        var statistics = await db.Statistics.Include(s => s.Source).OrderBy(s => s.SortOrder).ToListAsync();
        Assert.Equal(["317,700", "15%"], statistics.Select(s => s.DisplayValue));
        Assert.All(statistics, s => Assert.Equal("U.S. Bureau of Labor Statistics", s.Source!.Publisher));

        Assert.Equal([TrackCode.IS, TrackCode.IT], await db.Tracks.OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync());
        Assert.Equal(4, (await db.Tracks.SingleAsync(t => t.Code == TrackCode.IT)).CoreAreas.Count);
        Assert.Equal(6, await db.ComparisonRows.CountAsync());
        Assert.Equal(1, await db.ComparisonRows.CountAsync(r => r.Kind == ComparisonRowKind.SalaryRange));
        Assert.Equal(6, await db.CommonRoles.CountAsync());
        Assert.Equal(5, await db.SharedSkills.CountAsync());
        Assert.Equal(6, await db.EducationPaths.CountAsync());
        Assert.Equal(["Career interests", "Long-term goals", "Educational preferences", "Flexibility"],
            await db.PathQuestions.OrderBy(q => q.SortOrder).Select(q => q.Topic).ToListAsync());
        Assert.True(await db.FaqItems.CountAsync() >= 4);
        Assert.Contains("Firewalls", (await db.CollaborationExamples.SingleAsync()).ItContributions);
    }
}
