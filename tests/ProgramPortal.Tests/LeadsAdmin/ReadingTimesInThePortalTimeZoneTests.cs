using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using ProgramPortal.Identity;
using ProgramPortal.Leads.Export;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.LeadsAdmin;

/// <summary>A portal set to India's zone: half an hour off every whole-hour zone, and a day ahead of UTC in the evening.</summary>
public class KolkataLeadApp : LeadApp
{
    public const string Zone = "Asia/Kolkata";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:TimeZone", Zone);
    }
}

public class ReadingTimesInThePortalTimeZoneTests(KolkataLeadApp app) : IClassFixture<KolkataLeadApp>
{
    [Fact]
    public async Task Staff_see_a_late_evening_lead_on_the_next_day_in_the_configured_zone_everywhere_they_look()
    {
        // 20:10 UTC is 01:40 the next morning in Kolkata.
        var utcDay = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(-3);
        var cameIn = new DateTimeOffset(utcDay.AddHours(20).AddMinutes(10), TimeSpan.Zero);
        var kolkataDay = utcDay.AddDays(1).ToString("yyyy-MM-dd");
        var shown = $"{kolkataDay} 01:40";
        await app.CopyLeadsAsync([LeadRecords.Make("Late", "Evening", cameIn, email: "late@example.com", source: "zone-test")]);
        using var admin = await app.LoginAsAsync(StaffRoles.Admin);

        var list = await admin.GetAsync("/admin/leads?source=zone-test");
        Assert.Contains("Came in (Asia/Kolkata)", list.Document.QuerySelector("table.leads thead")!.TextContent);
        Assert.Contains(shown, list.Document.QuerySelector("table.leads tbody tr")!.TextContent);
        Assert.Contains("Times are in Asia/Kolkata time.", list.Text);

        // The day filters are the zone's days, as the list shows them.
        Assert.Contains("1 lead", (await admin.GetAsync($"/admin/leads?source=zone-test&from={kolkataDay}&to={kolkataDay}")).Text);
        Assert.Contains("0 leads", (await admin.GetAsync($"/admin/leads?source=zone-test&to={utcDay:yyyy-MM-dd}")).Text);

        var lead = await admin.GetAsync($"/admin/leads/{await app.LeadIdAsync("late@example.com")}");
        Assert.Contains(shown, lead.Document.QuerySelector("section[aria-labelledby=details]")!.TextContent);
        Assert.Contains("Times are in Asia/Kolkata time.", lead.Text);
        Assert.DoesNotContain("UTC", lead.Text);

        var csv = ExportFiles.ReadCsv(await admin.DownloadAsync("/admin/leads/export/csv?source=zone-test", "text/csv"));
        var cameInColumn = Array.IndexOf(csv[0], "Came in (Asia/Kolkata)");
        Assert.Equal(shown, csv[1][cameInColumn]);
        var xlsx = ExportFiles.ReadXlsx(await admin.DownloadAsync("/admin/leads/export/xlsx?source=zone-test",
            LeadExporter.ContentType(ExportFormat.Xlsx)));
        Assert.Equal(cameIn.UtcDateTime.AddHours(5.5), ExportFiles.FromExcelDate(xlsx[1][cameInColumn]), TimeSpan.FromMilliseconds(1));

        var log = await admin.GetAsync("/admin/staff/lead-exports");
        Assert.Contains("When (Asia/Kolkata)", log.Document.QuerySelector("table thead")!.TextContent);
        Assert.DoesNotContain("UTC", log.Text);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")]
    [InlineData("+05:30")]
    [InlineData("")]
    public void A_time_zone_that_is_not_an_IANA_id_stops_the_portal_at_start_naming_the_setting(string zone)
    {
        using var misconfigured = app.WithWebHostBuilder(b => b.UseSetting("Portal:TimeZone", zone));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());
        Assert.Contains("Portal__TimeZone must be an IANA time zone id such as America/Los_Angeles", error.Message);
    }
}
