using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

public class ContentEditingTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task An_editor_changes_a_median_salary_and_the_public_pages_show_the_figure_and_range_at_once()
    {
        // Rendered first, so the public pages sit in the output cache when the edit lands.
        Assert.Contains("$64,000 to $300,000", await app.GetPageAsync("/compare"));
        Assert.Contains("$300,000", await app.GetPageAsync("/careers"));
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var cio = await app.CareerRoleIdAsync("Chief Information Officer (CIO)");
        var form = await editor.GetAsync($"/admin/content/career-roles/edit/{cio}");

        var saved = await editor.SubmitAsync(form, fields: [("Input.MedianSalary", "320000")]);

        Assert.Equal("/admin/content/career-roles", saved.Path);
        Assert.Contains("Saved the career role.", saved.Text);
        Assert.Contains("median $320,000", saved.Text);
        await using var db = app.NewDbContext();
        var role = await db.CareerRoles.Include(r => r.Sources).SingleAsync(r => r.Id == cio);
        Assert.Equal(320_000m, role.MedianSalary);
        Assert.Equal(2, role.Sources.Count);
        var medians = await db.CareerRoles.Where(r => r.Track == TrackCode.IS).Select(r => r.MedianSalary).ToListAsync();
        Assert.Equal("$64,000 to $320,000", SalaryRange.Of(medians).ToString());

        var careers = await app.GetPageAsync("/careers");
        Assert.Contains("$320,000", careers);
        Assert.DoesNotContain("$300,000", careers);
        var compare = (await app.GetDocumentAsync("/compare")).QuerySelector("table.comparison")!.TextContent;
        Assert.Contains("$64,000 to $320,000", compare);
    }

    [Fact]
    public async Task An_edited_statistic_shows_on_the_cached_home_page_at_once()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        Assert.Contains("317,700", await app.GetPageAsync("/"));
        await using var db = app.NewDbContext();
        var openings = await db.Statistics.SingleAsync(s => s.Value == 317_700);

        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/statistics/edit/{openings.Id}"),
            fields: [("Input.Value", "320500")]);

        var home = await app.GetPageAsync("/");
        Assert.Contains("320,500", home);
        Assert.DoesNotContain("317,700", home);
    }

    [Fact]
    public async Task Staff_text_is_encoded_on_the_public_site()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var program = await editor.GetAsync("/admin/content/program/edit/1");
        var summary = program.Document.QuerySelector("textarea[name='Input.Summary']")!.TextContent;

        await editor.SubmitAsync(program, fields: [("Input.Summary", summary + " <script>alert('x')</script>")]);

        var home = await app.GetPageAsync("/");
        Assert.DoesNotContain("<script>alert", home);
        Assert.Contains("&lt;script&gt;alert(", home);
    }

    [Fact]
    public async Task An_admissions_user_cannot_open_or_save_content()
    {
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var cio = await app.CareerRoleIdAsync("Chief Information Officer (CIO)");

        var page = await admissions.GetAsync($"/admin/content/career-roles/edit/{cio}");
        Assert.StartsWith("/admin/denied", page.Path);
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);

        var token = StaffBrowser.AntiforgeryToken(await admissions.GetAsync("/admin"));
        using var response = await admissions.Client.PostAsync($"/admin/content/career-roles/edit/{cio}", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.MedianSalary"] = "1", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.AbsolutePath);
        await using var db = app.NewDbContext();
        Assert.NotEqual(1m, (await db.CareerRoles.SingleAsync(r => r.Id == cio)).MedianSalary);
    }

    [Theory]
    [InlineData("9999", "between $10,000 and $2,000,000")]
    [InlineData("2000001", "between $10,000 and $2,000,000")]
    [InlineData("", "Give the median salary.")]
    [InlineData("lots", "“lots” is not a number. Type digits, such as 73000; a $ sign and commas between thousands are fine.")]
    [InlineData("73.000,00", "“73.000,00” is not a number.")]
    public async Task An_implausible_median_salary_is_refused_with_a_clear_message(string median, string message)
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var role = await app.CareerRoleIdAsync("IT Support");
        var form = await editor.GetAsync($"/admin/content/career-roles/edit/{role}");

        var refused = await editor.SubmitAsync(form, fields: [("Input.MedianSalary", median)]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.Text);
        await using var db = app.NewDbContext();
        Assert.Equal(73_000m, (await db.CareerRoles.SingleAsync(r => r.Id == role)).MedianSalary);
    }

    [Fact]
    public async Task The_median_salary_field_shows_whole_dollars_as_its_hint_does()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var role = await app.CareerRoleIdAsync("Help Desk Technician");

        var form = await editor.GetAsync($"/admin/content/career-roles/edit/{role}");

        var median = form.Document.QuerySelector("input[name='Input.MedianSalary']")!;
        Assert.Equal("64000", median.GetAttribute("value"));
        Assert.Equal("decimal", median.GetAttribute("inputmode"));
        Assert.Contains("such as 104620 or $104,620", form.Document.QuerySelector("#Input_MedianSalary-hint")!.TextContent);
        var saved = await editor.SubmitAsync(form);
        Assert.Contains("Saved the career role.", saved.Text);
        await using var db = app.NewDbContext();
        Assert.Equal(64_000m, (await db.CareerRoles.SingleAsync(r => r.Id == role)).MedianSalary);
    }

    [Theory]
    [InlineData("$82,500")]
    [InlineData("82,500")]
    [InlineData(" 82500 ")]
    [InlineData("US$ 82,500.00")]
    public async Task A_median_salary_typed_the_way_people_write_it_is_saved(string median)
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var role = await app.CareerRoleIdAsync("IS Technician");
        var form = await editor.GetAsync($"/admin/content/career-roles/edit/{role}");

        var saved = await editor.SubmitAsync(form, fields: [("Input.MedianSalary", median)]);

        Assert.Contains("median $82,500", saved.Text);
        await using var db = app.NewDbContext();
        Assert.Equal(82_500m, (await db.CareerRoles.SingleAsync(r => r.Id == role)).MedianSalary);
    }

    [Fact]
    public async Task A_statistic_shows_its_figure_without_decimals_and_keeps_a_fraction()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        await using var db = app.NewDbContext();
        var growth = await db.Statistics.SingleAsync(s => s.Label.StartsWith("Projected job growth"));
        var form = await editor.GetAsync($"/admin/content/statistics/edit/{growth.Id}");
        Assert.Equal("15", form.Document.QuerySelector("input[name='Input.Value']")!.GetAttribute("value"));

        await editor.SubmitAsync(form, fields: [("Input.Value", "15.5")]);

        var again = await editor.GetAsync($"/admin/content/statistics/edit/{growth.Id}");
        Assert.Equal("15.5", again.Document.QuerySelector("input[name='Input.Value']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_salary_without_a_source_is_refused_and_the_typed_values_are_kept()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var form = await editor.GetAsync("/admin/content/career-roles/edit");

        var refused = await editor.SubmitAsync(form, fields:
            [("Input.Title", "Cloud Architect"), ("Input.Description", "Designs cloud platforms."), ("Input.MedianSalary", "150000"), ("Input.SourceIds", null)]);

        Assert.Contains("A median salary must name at least one source.", refused.Text);
        Assert.Equal("Cloud Architect", refused.Document.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        await using var db = app.NewDbContext();
        Assert.False(await db.CareerRoles.AnyAsync(r => r.Title == "Cloud Architect"));
    }

    [Fact]
    public async Task A_source_dated_in_the_future_or_with_a_script_address_is_refused()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var form = await editor.GetAsync("/admin/content/sources/edit");

        var refused = await editor.SubmitAsync(form, fields:
        [
            ("Input.Publisher", "Example"), ("Input.Name", "Salary survey"), ("Input.UsedFor", "Nothing yet"),
            ("Input.Url", "javascript:alert(1)"), ("Input.RetrievedOn", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd")),
        ]);

        Assert.Contains("The retrieval date cannot be in the future.", refused.Text);
        Assert.Contains("The web address must start with https:// or http://.", refused.Text);
        await using var db = app.NewDbContext();
        Assert.False(await db.Sources.AnyAsync(s => s.Name == "Salary survey"));
    }

    [Fact]
    public async Task A_source_cannot_be_deleted_while_figures_cite_it()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        await using var db = app.NewDbContext();
        var bls = await db.Sources.SingleAsync(s => s.Publisher == "U.S. Bureau of Labor Statistics");

        var confirm = await editor.GetAsync($"/admin/content/sources/{bls.Id}/delete");
        Assert.Contains("cannot be deleted while these figures cite it", confirm.Text);
        Assert.Contains("Salary of IT Support", confirm.Text);
        Assert.Contains("Statistic: Projected job growth", confirm.Text);
        var token = StaffBrowser.AntiforgeryToken(confirm);
        var forced = await editor.PostAsync($"/admin/content/sources/{bls.Id}/delete", [("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.True(await db.Sources.AnyAsync(s => s.Id == bls.Id));
    }

    [Fact]
    public async Task An_editor_adds_reorders_and_deletes_a_faq_entry_with_confirmations()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);

        var added = await editor.SubmitAsync(await editor.GetAsync("/admin/content/faq/edit"), fields:
            [("Input.Question", "Is there an application fee?"), ("Input.Answer", "No.")]);
        Assert.Contains("Saved the question.", added.Text);
        await using var db = app.NewDbContext();
        var faq = await db.FaqItems.OrderBy(f => f.SortOrder).Select(f => f.Question).ToListAsync();
        Assert.Equal("Is there an application fee?", faq[^1]);

        var id = await db.FaqItems.Where(f => f.Question == "Is there an application fee?").Select(f => f.Id).SingleAsync();
        var moved = await editor.SubmitAsync(added, $"form[action*='id={id}'][action*='up=true']");
        Assert.Contains("Moved it up.", moved.Text);
        faq = await db.FaqItems.OrderBy(f => f.SortOrder).Select(f => f.Question).ToListAsync();
        Assert.Equal("Is there an application fee?", faq[^2]);

        var confirm = await editor.GetAsync($"/admin/content/faq/{id}/delete");
        Assert.Contains("Delete the question “Is there an application fee?”?", confirm.Text);
        var deleted = await editor.SubmitAsync(confirm);
        Assert.Contains("Deleted the question", deleted.Text);
        Assert.False(await db.FaqItems.AnyAsync(f => f.Id == id));
    }

    [Fact]
    public async Task List_fields_are_edited_one_item_per_line()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        await using var db = app.NewDbContext();
        var it = await db.Tracks.SingleAsync(t => t.Code == TrackCode.IT);
        var form = await editor.GetAsync($"/admin/content/tracks/edit/{it.Id}");
        Assert.Equal("Cybersecurity\nCloud infrastructure\nDevOps",
            form.Document.QuerySelector("textarea[name='Input.GrowthAreas']")!.TextContent.Trim());

        await editor.SubmitAsync(form, fields: [("Input.GrowthAreas", "Cybersecurity\r\n\r\n  AI operations  \r\nDevOps")]);

        await db.Entry(it).ReloadAsync();
        Assert.Equal(["Cybersecurity", "AI operations", "DevOps"], it.GrowthAreas);
    }
}
