using System.Globalization;
using Microsoft.Playwright;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProgramPortal.Tests.Journeys;

/// <summary>
/// Staff journeys in chromium against the app on a real port over real PostgreSQL: everything is
/// done through the pages, as a person would, and checked where a person would look.
/// </summary>
public class StaffJourneyTests(JourneyPortalApp app, ITestOutputHelper output) : IClassFixture<JourneyPortalApp>
{
    private const string Cio = "Chief Information Officer (CIO)";
    private const string Bls = "U.S. Bureau of Labor Statistics: Occupational Outlook Handbook and Employment Projections";

    [Fact]
    public async Task Journey_2_an_editor_changes_a_salary_and_a_source_date_and_the_public_pages_show_them()
    {
        var journey = new JourneyRecorder("2-editor", output);
        const string editor = "dana.editor@staff.test";
        await app.CreateStaffAsync(editor, StaffRoles.Editor);

        // A visitor reads the pages first, so they sit in the output cache when the edits land.
        var visitor = await app.OpenAsync("/careers");
        var visitorWatch = await PolicyWatch.AttachAsync(visitor);
        await Expect(RoleSalary(visitor, Cio)).ToHaveTextAsync("Median salary: $300,000");
        await Expect(visitor.Locator("p.as-of")).ToContainTextAsync("as of December 2025");
        await journey.StepAsync(visitor, "careers before the edit");
        await visitor.GotoAsync("/compare");
        await Expect(SalaryRangeRow(visitor)).ToContainTextAsync("$64,000 to $300,000");
        await journey.StepAsync(visitor, "compare before the edit");

        var staff = await app.NewTabAsync();
        var staffWatch = await PolicyWatch.AttachAsync(staff);
        await staff.GotoAsync("/admin");
        Assert.Contains("/admin/login", staff.Url);
        await journey.StepAsync(staff, "sent to sign in");
        await BrowserPortalApp.SignInAsync(staff, editor);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await journey.StepAsync(staff, "dashboard");

        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Content", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Career roles and salaries" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = Cio, Exact = true }).ClickAsync();
        await staff.GetByLabel("Median salary (US$ a year)").FillAsync("320000");
        await journey.StepAsync(staff, "new median typed");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(staff.Locator("p.status")).ToContainTextAsync("Saved the career role.");
        await journey.StepAsync(staff, "median saved");

        await staff.GetByRole(AriaRole.Link, new() { Name = "Back to all content" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = Bls, Exact = true }).ClickAsync();
        await staff.GetByLabel("Retrieved on").FillAsync("2025-10-15");
        await journey.StepAsync(staff, "earlier retrieval date typed");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(staff.Locator("p.status")).ToContainTextAsync("Saved the source");
        await Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = Bls })).ToContainTextAsync("retrieved 2025-10-15");
        await journey.StepAsync(staff, "source date saved");

        await visitor.GotoAsync("/careers");
        await Expect(RoleSalary(visitor, Cio)).ToHaveTextAsync("Median salary: $320,000");
        await Expect(visitor.Locator("p.as-of")).ToContainTextAsync("as of October 2025");
        var careers = await visitor.Locator("main").InnerTextAsync();
        await journey.StepAsync(visitor, "careers after the edit");
        await visitor.GotoAsync("/compare");
        await Expect(SalaryRangeRow(visitor)).ToContainTextAsync("$64,000 to $320,000");
        await Expect(visitor.Locator("p.as-of")).ToContainTextAsync("as of October 2025");
        var compare = await visitor.Locator("main").InnerTextAsync();
        await journey.StepAsync(visitor, "compare after the edit");

        var stale = new[] { "$300,000", "December 2025" }.Sum(old => Count(careers, old) + Count(compare, old));
        Assert.Equal(0, stale);
        var violations = visitorWatch.All.Count + staffWatch.All.Count;
        Assert.True(violations == 0, string.Join("\n", visitorWatch.All.Concat(staffWatch.All)));
        output.WriteLine($"edits saved: 2 (CIO median $300,000 -> $320,000; BLS retrieved 2025-12-01 -> 2025-10-15); "
            + $"public pages checked: 2; '$320,000' shown: {Count(careers, "$320,000") + Count(compare, "$320,000")}, "
            + $"'as of October 2025' shown: {Count(careers, "October 2025") + Count(compare, "October 2025")}, "
            + $"old figures or labels left: {stale}; CSP violations: {violations}; screenshots: {journey.Steps}");
        await visitor.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task Journey_3_an_admissions_user_filters_the_leads_and_downloads_a_CSV_holding_the_students_lead()
    {
        var journey = new JourneyRecorder("3-admissions-export", output);
        const string admissions = "ari.admissions@staff.test";
        var student = ProspectiveStudent.WithUnicodeName();
        await app.CreateStaffAsync(admissions, StaffRoles.Admissions);

        var studentTab = await app.OpenAsync("/");
        var studentWatch = await PolicyWatch.AttachAsync(studentTab);
        var lead = await student.RequestInformationAsync(app, studentTab, journey);
        // One lead the track filter must drop (same surname, other track) and one the search must drop (same track, other name).
        var otherTrack = LeadRecords.Make("Mateo", "Ñúñez", DateTimeOffset.UtcNow, track: TrackInterest.IS, country: "MX");
        var otherName = LeadRecords.Make(student.FirstName, "Lindqvist", DateTimeOffset.UtcNow, country: ProspectiveStudent.CountryCode);
        await app.CopyLeadsAsync([otherTrack, otherName]);

        var staff = await app.NewTabAsync();
        var staffWatch = await PolicyWatch.AttachAsync(staff);
        await staff.GotoAsync("/admin/leads");
        Assert.Contains("/admin/login", staff.Url);
        await BrowserPortalApp.SignInAsync(staff, admissions);
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leads");
        var unfiltered = LeadsShown(await staff.Locator("p.result-summary strong").InnerTextAsync());
        await journey.StepAsync(staff, "all leads");

        var filters = staff.GetByRole(AriaRole.Form, new() { Name = "Find leads" });
        await filters.GetByLabel("Name or email").FillAsync("Ñúñez");
        await filters.GetByLabel("Track", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = ProspectiveStudent.Track });
        await journey.StepAsync(staff, "filter chosen");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show leads" }).ClickAsync();
        await Expect(staff.Locator("p.result-summary strong")).ToHaveTextAsync("1 lead");
        var rows = staff.Locator("table.leads tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync($"{student.FirstName} {student.LastName}");
        await Expect(rows).ToContainTextAsync(student.Email);
        var listed = await rows.CountAsync();
        await journey.StepAsync(staff, "filtered list");

        var download = await staff.RunAndWaitForDownloadAsync(() =>
            staff.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        // The link carries the filter the page shows (without its empty fields), so the file is the list.
        Assert.Equal($"/admin/leads/export/csv?q={Uri.EscapeDataString("Ñúñez")}&track=IT", new Uri(download.Url).PathAndQuery);
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var file = Path.Combine(JourneyRecorder.Folder, "3-admissions-export-download.csv");
        await download.SaveAsAsync(file);
        await journey.StepAsync(staff, "CSV downloaded");

        var csv = ExportFiles.ReadCsv(await File.ReadAllBytesAsync(file));
        var exported = csv.Skip(1).ToList();
        var (id, firstName, lastName, email) =
            (csv[0].IndexOf("Lead ID"), csv[0].IndexOf("First name"), csv[0].IndexOf("Last name"), csv[0].IndexOf("Email"));
        var found = exported.Count(r => (r[id], r[firstName], r[lastName], r[email])
            == (lead.Id.ToString(CultureInfo.InvariantCulture), student.FirstName, student.LastName, student.Email));
        var target = Assert.Single(exported);
        Assert.Equal(1, found);
        Assert.Equal(ProspectiveStudent.Country, target[csv[0].IndexOf("Country")]);
        Assert.Equal(ProspectiveStudent.Track, target[csv[0].IndexOf("Track")]);
        var filteredOut = exported.Count(r => r[email] == otherTrack.Email || r[email] == otherName.Email);
        Assert.Equal(0, filteredOut);

        var violations = studentWatch.All.Count + staffWatch.All.Count;
        Assert.True(violations == 0, string.Join("\n", studentWatch.All.Concat(staffWatch.All)));
        output.WriteLine($"leads submitted: 1 in the browser + 2 others to filter out; leads before filtering: {unfiltered}; "
            + $"rows listed after filtering by track and surname: {listed}; rows exported: {exported.Count} "
            + $"(UTF-8 with BOM, {csv[0].Length} columns); target lead found: {found}; filtered-out leads exported: {filteredOut}; "
            + $"CSP violations: {violations}; screenshots: {journey.Steps}");
        await studentTab.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task Journey_4_an_admin_invites_a_staff_member_who_sets_a_password_from_the_email_and_works_in_their_role()
    {
        var journey = new JourneyRecorder("4-invitation", output);
        const string admin = "sam.admin@staff.test";
        const string newcomer = "zoe.newcomer@staff.test";
        const string name = "Zoë Ångström-Nakamura";
        const string password = "Fresh-Editor-2026";
        await app.CreateStaffAsync(admin, StaffRoles.Admin);

        var adminTab = await app.NewTabAsync();
        var adminWatch = await PolicyWatch.AttachAsync(adminTab);
        await adminTab.GotoAsync("/admin/login");
        await BrowserPortalApp.SignInAsync(adminTab, admin);
        await adminTab.GetByRole(AriaRole.Navigation, new() { Name = "Admin" })
            .GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await adminTab.GetByRole(AriaRole.Link, new() { Name = "Invite a staff member" }).ClickAsync();
        await adminTab.GetByLabel("Work email").FillAsync(newcomer);
        await adminTab.GetByLabel("Name (optional)").FillAsync(name);
        await adminTab.GetByLabel(StaffRoles.Editor, new() { Exact = true }).CheckAsync();
        await journey.StepAsync(adminTab, "invitation filled in");
        await adminTab.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Expect(adminTab.Locator("p.status")).ToContainTextAsync("Invited. The invitation email is on its way");
        await journey.StepAsync(adminTab, "invitation sent");

        var mail = (await app.Smtp.WaitForOneAsync(newcomer)).Message;
        Assert.Equal(name, mail.To.Mailboxes.Single().Name);
        var link = StaffSessions.LinkUrlIn(mail);
        Assert.Equal(app.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));

        var newcomerTab = await app.NewTabAsync();
        var newcomerWatch = await PolicyWatch.AttachAsync(newcomerTab);
        await newcomerTab.GotoAsync(link.ToString());
        await Expect(newcomerTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome: choose your password");
        await newcomerTab.GetByLabel("New password").FillAsync(password);
        await newcomerTab.GetByLabel("The same password again").FillAsync(password);
        await journey.StepAsync(newcomerTab, "password chosen from the email link");
        await newcomerTab.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(newcomerTab.Locator("main")).ToContainTextAsync("Your password is set");
        await journey.StepAsync(newcomerTab, "password set");

        await newcomerTab.GotoAsync("/admin/login");
        await BrowserPortalApp.SignInAsync(newcomerTab, newcomer, password);
        await Expect(newcomerTab.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        var menu = newcomerTab.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Recent changes" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true })).ToHaveCountAsync(0);
        await journey.StepAsync(newcomerTab, "new editor's dashboard");

        string[] allowed = ["/admin/content/faq", "/admin/content/career-roles", "/admin/content/changes"];
        foreach (var path in allowed)
        {
            var response = await newcomerTab.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.EndsWith(path, newcomerTab.Url);
        }

        await journey.StepAsync(newcomerTab, "content the editor may change");
        string[] refused = ["/admin/staff", "/admin/staff/invite", "/admin/staff/settings"];
        foreach (var path in refused)
        {
            var response = await newcomerTab.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Expect(newcomerTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account cannot open that page");
        }

        await journey.StepAsync(newcomerTab, "staff pages refused");
        var violations = adminWatch.All.Count + newcomerWatch.All.Count;
        Assert.True(violations == 0, string.Join("\n", adminWatch.All.Concat(newcomerWatch.All)));
        output.WriteLine($"invitations sent: 1, emails received over SMTP: {app.Smtp.To(newcomer).Count}, links followed: 1, "
            + $"passwords set: 1, sign-ins: 1, pages the role allows opened: {allowed.Length}, pages refused (403): {refused.Length}, "
            + $"CSP violations: {violations}; screenshots: {journey.Steps}");
        await adminTab.Context.CloseAsync();
        await newcomerTab.Context.CloseAsync();
    }

    private static ILocator RoleSalary(IPage page, string title) =>
        page.Locator("li.role").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) }).Locator("p.salary");

    private static ILocator SalaryRangeRow(IPage page) =>
        page.Locator("table.comparison tr").Filter(new() { HasText = "$64,000" });

    private static int LeadsShown(string summary) => int.Parse(summary.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static int Count(string text, string value) =>
        (text.Length - text.Replace(value, "").Length) / value.Length;
}
