using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

/// <summary>The portal on 15 January 2027, when the seeded December 2025 sources are over 12 months old.</summary>
public sealed class PortalAppIn2027 : PortalApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public class SourceFreshnessTests(PortalAppIn2027 app) : IClassFixture<PortalAppIn2027>
{
    [Fact]
    public async Task Old_sources_are_flagged_with_their_figures_until_an_editor_updates_the_retrieval_date()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);

        var dashboard = await editor.GetAsync("/admin");
        var stale = dashboard.Document.QuerySelector(".stale-sources")!.TextContent;
        Assert.Contains("retrieved more than 12 months ago", dashboard.Text);
        Assert.Contains("U.S. Bureau of Labor Statistics", stale);
        Assert.Contains("Glassdoor", stale);
        Assert.Contains("Median salary of IT Support ($73,000)", stale);
        Assert.Contains("Openings per year in technology-related occupations (317,700)", stale);

        await using var db = app.NewDbContext();
        var glassdoor = await db.Sources.SingleAsync(s => s.Publisher == "Glassdoor");
        var form = await editor.GetAsync($"/admin/content/sources/edit/{glassdoor.Id}");
        var future = await editor.SubmitAsync(form, fields: [("Input.RetrievedOn", "2027-01-16")]);
        Assert.Contains("The retrieval date cannot be in the future.", future.Text);
        await editor.SubmitAsync(form, fields: [("Input.RetrievedOn", "2027-01-10")]);

        stale = (await editor.GetAsync("/admin")).Document.QuerySelector(".stale-sources")!.TextContent;
        Assert.DoesNotContain("Glassdoor", stale);
        Assert.Contains("U.S. Bureau of Labor Statistics", stale);
    }

    [Fact]
    public async Task Admissions_staff_do_not_see_the_content_panels()
    {
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var dashboard = await admissions.GetAsync("/admin");

        Assert.Equal("/admin", dashboard.Path);
        Assert.Null(dashboard.Document.QuerySelector(".stale-sources"));
        Assert.DoesNotContain("Site content", dashboard.Text);
    }
}
