using System.Net;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.LeadsAdmin;

public class FindingLeadsTests(LeadApp app) : IClassFixture<LeadApp>
{
    private static List<string> Names(BrowserPage page) =>
        [.. page.Document.QuerySelectorAll("table.leads tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task Admissions_find_leads_by_name_or_email_and_narrow_them_with_filters_and_sorts()
    {
        await app.CopyLeadsAsync(
        [
            LeadRecords.Make("Katherine", "Johnson", app.DaysAgo(40), email: "kj@nasa.example", track: TrackInterest.IS, country: "US", source: "find-linkedin"),
            LeadRecords.Make("Dorothy", "Vaughan", app.DaysAgo(20), status: LeadStatus.Contacted, country: "US", source: "find-linkedin"),
            LeadRecords.Make("Mary", "Jackson", app.DaysAgo(10), status: LeadStatus.Contacted, country: "CA", source: "find-google"),
            LeadRecords.Make("Katherine", "Goble", app.DaysAgo(5), email: "goble_100%@find.example", country: "CA"),
        ]);
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        Assert.Equal(["Katherine Goble", "Katherine Johnson"], Names(await admissions.GetAsync("/admin/leads?q=katherine")));
        Assert.Equal(["Katherine Johnson"], Names(await admissions.GetAsync("/admin/leads?q=KATH+john")));
        Assert.Equal(["Katherine Johnson"], Names(await admissions.GetAsync("/admin/leads?q=nasa.example")));
        // % and _ are searched for as written, not as wildcards.
        Assert.Equal(["Katherine Goble"], Names(await admissions.GetAsync("/admin/leads?q=_100%25")));
        Assert.Empty(Names(await admissions.GetAsync("/admin/leads?q=k%25n")));

        Assert.Equal(["Mary Jackson", "Dorothy Vaughan"], Names(await admissions.GetAsync("/admin/leads?status=Contacted")));
        Assert.Equal(["Katherine Johnson"], Names(await admissions.GetAsync("/admin/leads?track=IS&country=us")));
        Assert.Equal(["Dorothy Vaughan", "Katherine Johnson"], Names(await admissions.GetAsync("/admin/leads?source=find-linkedin")));
        var from = app.DaysAgo(25).ToString("yyyy-MM-dd");
        var to = app.DaysAgo(10).ToString("yyyy-MM-dd");
        Assert.Equal(["Mary Jackson", "Dorothy Vaughan"], Names(await admissions.GetAsync($"/admin/leads?from={from}&to={to}&q=a")));
        Assert.Equal(["Katherine Goble", "Mary Jackson", "Katherine Johnson", "Dorothy Vaughan"],
            Names(await admissions.GetAsync($"/admin/leads?from={app.DaysAgo(41):yyyy-MM-dd}&sort=Name")));

        var page = await admissions.GetAsync($"/admin/leads?from={app.DaysAgo(41):yyyy-MM-dd}&sort=Oldest");
        Assert.Equal(["Katherine Johnson", "Dorothy Vaughan", "Mary Jackson", "Katherine Goble"], Names(page));
        Assert.Contains("4 leads", page.Text);
        // The form shows the filter it applied, so the page's address is the filter to share.
        Assert.Equal(app.DaysAgo(41).ToString("yyyy-MM-dd"), page.Document.QuerySelector("#from")!.GetAttribute("value"));
        Assert.Equal("Oldest", page.Document.QuerySelector("#sort option[selected]")!.GetAttribute("value"));

        var lead = await admissions.GetAsync(page.Document.QuerySelector("table.leads a")!.GetAttribute("href")!);
        Assert.Equal("Katherine Johnson", lead.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Pages_hold_fifty_leads_and_link_to_each_other_with_the_filter()
    {
        await app.CopyLeadsAsync(Enumerable.Range(0, 120).Select(i =>
            LeadRecords.Make("Pager", $"Person{i:D3}", app.DaysAgo(1).AddMinutes(i), source: "paging-test")));
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var first = await admissions.GetAsync("/admin/leads?source=paging-test&sort=Name");
        Assert.Contains("120 leads", first.Text);
        Assert.Contains("Page 1 of 3", first.Text);
        Assert.Equal(50, Names(first).Count);
        Assert.Equal("Pager Person000", Names(first)[0]);

        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/admin/leads?source=paging-test&sort=Name&page=2", next);
        var third = await admissions.GetAsync("/admin/leads?source=paging-test&sort=Name&page=3");
        Assert.Equal(Enumerable.Range(100, 20).Select(i => $"Pager Person{i:D3}"), Names(third));
        Assert.Null(third.Document.QuerySelector("a[rel=next]"));
        Assert.Contains("Page 3 of 3", (await admissions.GetAsync("/admin/leads?source=paging-test&page=40")).Text);
    }

    [Theory]
    [InlineData("/admin/leads?from=yesterday&to=31/12/2026&status=Maybe&track=CS&page=abc")]
    [InlineData("/admin/leads?from=0001-01-01&to=9999-12-31&country=ZZ&sort=Sideways&page=-5")]
    [InlineData("/admin/leads?q=%00%01%27%22%3C%3E&source=%F0%9F%98%80")]
    [InlineData("/admin/leads?status=9&track=-1&from=2026-02-30")]
    public async Task Bad_filter_values_in_a_link_are_left_out_and_never_break_the_page(string url)
    {
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var page = await admissions.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form.filters"));
    }

    [Fact]
    public async Task Admissions_and_admins_see_leads_editors_are_refused_and_visitors_are_sent_to_sign_in()
    {
        foreach (var role in new[] { StaffRoles.Admissions, StaffRoles.Admin })
        {
            using var staff = await app.LoginAsAsync(role);
            var page = await staff.GetAsync("/admin/leads");
            Assert.Equal("/admin/leads", page.Url.AbsolutePath);
            Assert.Equal("Leads", page.Document.QuerySelector("h1")!.TextContent);
            Assert.NotNull((await staff.GetAsync("/admin")).Document.QuerySelector("header nav a[href='/admin/leads']"));
        }

        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        foreach (var path in new[] { "/admin/leads", "/admin/leads/dashboard", "/admin/leads/export/csv", "/admin/leads/quarantine" })
        {
            Assert.Equal("/admin/denied", (await editor.GetAsync(path)).Url.AbsolutePath);
        }

        Assert.Null((await editor.GetAsync("/admin")).Document.QuerySelector("a[href='/admin/leads']"));

        using var visitor = StaffSessions.NewBrowser(app);
        var signIn = await visitor.GetAsync("/admin/leads/export/csv?status=New");
        Assert.Equal("/admin/login", signIn.Url.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fleads%2Fexport%2Fcsv%3Fstatus%3DNew", signIn.Url.Query);
    }
}
