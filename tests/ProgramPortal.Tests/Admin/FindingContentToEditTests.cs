using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Editing;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

public class FindingContentToEditTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_admin_menu_leads_to_a_content_home_that_describes_and_counts_every_kind_of_content()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var dashboard = await editor.GetAsync("/admin");
        var menuEntry = dashboard.Document.QuerySelector("header nav a[href='/admin/content']");
        Assert.Equal("Content", menuEntry?.TextContent);
        Assert.NotNull(dashboard.Document.QuerySelector("main a[href='/admin/content']"));

        var home = await editor.GetAsync("/admin/content");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("Content", home.Document.QuerySelector("h1")!.TextContent);
        var rows = home.Document.QuerySelectorAll("table.content-types tbody tr")
            .ToDictionary(r => r.QuerySelector("a")!.GetAttribute("href")!, r => r);
        Assert.Equal(ContentTypes.All.Select(t => t.ListUrl).Order(), rows.Keys.Order());
        await using var db = app.NewDbContext();
        var expected = new Dictionary<string, int>
        {
            ["/admin/content/career-roles"] = 18,
            ["/admin/content/faq"] = 5,
            ["/admin/content/statistics"] = 2,
            ["/admin/content/program"] = 1,
            ["/admin/content/email-steps"] = await db.SequenceSteps.CountAsync(),
            ["/admin/content/email-templates"] = await db.EmailTemplates.CountAsync(),
        };
        foreach (var (url, count) in expected)
        {
            Assert.Equal(count.ToString(), rows[url].QuerySelector("td.number")!.TextContent);
        }

        Assert.All(rows.Values, row => Assert.True(row.QuerySelectorAll("td")[0].TextContent.Length > 20,
            $"No description for {row.TextContent}"));
        Assert.Contains("on the careers page", rows["/admin/content/career-roles"].TextContent);
        var emails = home.Document.QuerySelector("section[aria-labelledby='follow-up-emails']")!;
        Assert.NotNull(emails.QuerySelector("a[href='/admin/content/email-steps']"));
        Assert.NotNull(emails.QuerySelector("a[href='/admin/content/email-templates']"));
        Assert.True(await db.SequenceSteps.CountAsync() > 0);
    }

    [Fact]
    public async Task A_list_leads_back_to_the_content_home()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);

        var list = await editor.GetAsync("/admin/content/faq");

        Assert.Equal("Back to all content", list.Document.QuerySelector("main a[href='/admin/content']")?.TextContent);
    }

    [Fact]
    public async Task Admissions_staff_have_no_content_entry_and_cannot_open_the_content_home()
    {
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var dashboard = await admissions.GetAsync("/admin");
        var home = await admissions.GetAsync("/admin/content");

        Assert.Null(dashboard.Document.QuerySelector("a[href='/admin/content']"));
        Assert.Equal(HttpStatusCode.Forbidden, home.Status);
    }
}
