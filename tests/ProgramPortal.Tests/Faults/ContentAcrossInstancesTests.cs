using System.Diagnostics;
using System.Net;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// Two portal processes on one database, each with its own output cache: an edit saved through one
/// shows on the other's public pages at once, not when its cached copy expires an hour later.
/// </summary>
public class ContentAcrossInstancesTests(PortalDatabase database, ITestOutputHelper output) : IClassFixture<PortalDatabase>
{
    private const string Admin = "content.admin@staff.test";
    private const string Password = "Across-Instances-2026";

    [Fact]
    public async Task A_salary_edited_on_one_instance_shows_on_the_other_instances_cached_pages_within_seconds()
    {
        await using var mail = new TestSmtpServer();
        await mail.StartAsync();
        await using var portals = await FaultPortal.StartTwoWithAdminAsync(database.ConnectionString, mail, Admin, Password);
        var (a, b) = (portals.A, portals.B);
        using var visitorOnB = b.CreateClient();
        var cio = await ContentLookups.CareerRoleIdAsync(database.ConnectionString, "Chief Information Officer (CIO)");

        // B serves /careers twice, so the second answer came from its cache.
        Assert.Contains("$300,000", await visitorOnB.GetStringAsync("/careers"));
        Assert.Contains("$300,000", await visitorOnB.GetStringAsync("/careers"));

        using var staffOnA = new StaffBrowser(a.CreateClient(new CookieContainer()));
        Assert.DoesNotContain("/admin/login", (await staffOnA.SignInAsync(Admin, Password)).Path);
        var saved = await staffOnA.SubmitAsync(await staffOnA.GetAsync($"/admin/content/career-roles/edit/{cio}"),
            fields: [("Input.MedianSalary", "287650")]);
        Assert.Contains("Saved the career role", saved.Text);

        var clock = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (await visitorOnB.GetStringAsync("/careers")).Contains("$287,650"),
            TimeSpan.FromSeconds(10), () => "Instance B still serves the old salary 10 s after the edit on A");

        var careers = await visitorOnB.GetStringAsync("/careers");
        Assert.DoesNotContain("$300,000", careers);
        output.WriteLine($"The edit on A showed on B's /careers after {clock.ElapsedMilliseconds} ms");
    }
}
