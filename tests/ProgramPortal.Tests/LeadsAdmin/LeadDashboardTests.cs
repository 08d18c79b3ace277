using Microsoft.EntityFrameworkCore;
using ProgramPortal.Areas.Admin.Pages.Leads;
using ProgramPortal.Email;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.LeadsAdmin;

public class LeadDashboardTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task The_dashboard_counts_leads_per_week_in_the_portal_time_zone_by_track_source_and_status_and_the_emails()
    {
        // Weeks are the portal's (America/Los_Angeles by default): a lead at 23:59 on a Sunday there
        // belongs to the week before, though it is already Monday in UTC.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var thisWeek = DashboardModel.WeekStart(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), zone).DateTime));
        var midnight = thisWeek.ToDateTime(TimeOnly.MinValue);
        var monday = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        await app.CopyLeadsAsync(
        [
            // Two this week (one at the first second of Monday), three the week before, one 30 weeks ago (off the chart).
            LeadRecords.Make("A", "One", monday, source: "linkedin", track: TrackInterest.IS),
            LeadRecords.Make("B", "Two", monday.AddHours(1), source: "linkedin", status: LeadStatus.Applied),
            LeadRecords.Make("C", "Three", monday.AddSeconds(-1), source: "google", status: LeadStatus.Applied),
            LeadRecords.Make("D", "Four", monday.AddDays(-3), track: TrackInterest.Undecided, status: LeadStatus.Closed),
            LeadRecords.Make("E", "Five", monday.AddDays(-6), source: "linkedin", track: TrackInterest.IS),
            LeadRecords.Make("F", "Six", monday.AddDays(-7 * 30), source: "fair"),
        ]);
        using (await app.SubmitLeadAsync(app.ValidForm("dash@example.com"))) { }
        await app.RunEmailSenderAsync();

        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var page = await admissions.GetAsync("/admin/leads/dashboard");

        Assert.Contains("7 leads in all", page.Text);
        Assert.Contains("Weeks start on Monday, in America/Los_Angeles time.", page.Text);
        Assert.DoesNotContain("utm_", page.Text);
        var weekly = Rows(page, "New leads per week");
        Assert.Equal(DashboardModel.Weeks, weekly.Count);
        Assert.Equal(("Week of " + thisWeek.ToString("yyyy-MM-dd"), "3"), weekly[^1]); // two copied and the submitted one
        Assert.Equal(("Week of " + thisWeek.AddDays(-7).ToString("yyyy-MM-dd"), "3"), weekly[^2]);
        Assert.Equal(6, weekly.Sum(w => int.Parse(w.Count)));

        Assert.Contains(("Information Systems (IS)", "2"), Rows(page, "Leads by track of interest"));
        Assert.Contains(("Not decided yet", "1"), Rows(page, "Leads by track of interest"));
        Assert.Equal([("linkedin", "3"), ("fair", "1"), ("google", "1"), ("No campaign (came directly)", "2")],
            Rows(page, "Leads by where they first came from").OrderBy(r => r.Label.StartsWith("No")).ThenByDescending(r => r.Count).ThenBy(r => r.Label));
        Assert.Equal([("New", "4"), ("Contacted", "0"), ("Applied", "2"), ("Enrolled", "0"), ("Closed", "1")],
            Rows(page, "Leads by status"));

        await using var db = app.NewDbContext();
        var sent = await db.LeadEmails.CountAsync(e => e.Status == LeadEmailStatus.Sent);
        Assert.True(sent >= 2);
        Assert.Contains($"{sent} sent", page.Text);
        Assert.Contains(("Sent", sent.ToString()), Rows(page, "All follow-up emails by what happened to them"));

        var chart = page.Document.QuerySelector("figure.chart svg[role=img]");
        Assert.NotNull(chart);
        Assert.Equal(DashboardModel.Weeks, chart.QuerySelectorAll("rect.bar").Length);
        Assert.Contains("Week of " + thisWeek.ToString("yyyy-MM-dd") + ": 3", chart.TextContent);
    }

    private static List<(string Label, string Count)> Rows(BrowserPage page, string caption)
    {
        var table = page.Document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == caption);
        return [.. table.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelector("td")!.TextContent.Trim()))];
    }
}
