using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Editing;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

public class ConcurrencyAndHistoryTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_second_of_two_simultaneous_edits_is_refused_with_both_versions_shown_and_nothing_lost()
    {
        using var alice = await app.LoginAsAsync(StaffRoles.Editor);
        using var bob = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await app.CareerRoleIdAsync("Web Developer");
        var aliceForm = await alice.GetAsync($"/admin/content/career-roles/edit/{id}");
        var bobForm = await bob.GetAsync($"/admin/content/career-roles/edit/{id}");

        await alice.SubmitAsync(aliceForm, fields: [("Input.MedianSalary", "101000")]);
        var refused = await bob.SubmitAsync(bobForm, fields: [("Input.MedianSalary", "97000"), ("Input.Title", "Web Engineer")]);

        Assert.Contains("Not saved: someone else saved this career role after you opened it", refused.Text);
        var conflict = refused.Document.QuerySelector(".conflict")!.TextContent;
        Assert.Contains("Median salary", conflict);
        Assert.Contains("101,000", conflict);
        Assert.Contains("97,000", conflict);
        Assert.Contains("Web Engineer", conflict);
        Assert.Equal("97000", refused.Document.QuerySelector("input[name='Input.MedianSalary']")!.GetAttribute("value"));
        Assert.Equal(101_000m, await MedianAsync(id));

        // Having seen the comparison, Bob saves deliberately and wins.
        var saved = await bob.SubmitAsync(refused);
        Assert.Contains("Saved the career role.", saved.Text);
        Assert.Equal(97_000m, await MedianAsync(id));
    }

    [Fact]
    public async Task Every_change_is_recorded_and_an_earlier_version_can_be_restored()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var editorName = (await editor.GetAsync("/admin")).Document.QuerySelector(".signout span")!.TextContent;
        var id = await app.CareerRoleIdAsync("Technician");
        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/career-roles/edit/{id}"), fields: [("Input.MedianSalary", "62000")]);
        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/career-roles/edit/{id}"), fields: [("Input.MedianSalary", "65000")]);

        var history = await editor.GetAsync($"/admin/content/career-roles/{id}/history");
        var versions = history.Document.QuerySelectorAll("ol.history > li");
        Assert.Equal(3, versions.Length);
        Assert.Contains(editorName, versions[0].TextContent);
        Assert.Contains("62,000", versions[0].TextContent);
        Assert.Contains("65,000", versions[0].TextContent);
        Assert.Contains("61,000", versions[1].TextContent);
        Assert.Null(versions[0].QuerySelector("a.restore"));

        var restored = await editor.SubmitAsync(await editor.ClickLinkAsync(history, "ol.history > li:nth-child(2) a.restore"));

        Assert.Contains("Restored the version saved", restored.Text);
        Assert.Equal(62_000m, await MedianAsync(id));
        await using var db = app.NewDbContext();
        var changes = await db.ContentChanges.Where(c => c.ContentType == "career-roles" && c.ItemId == id)
            .OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([ChangeAction.Updated, ChangeAction.Updated, ChangeAction.Restored], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Equal(editorName, c.ChangedBy));
        Assert.Equal(65_000m, Json(changes[2].Before).GetProperty("MedianSalary").GetDecimal());
        Assert.Equal(62_000m, Json(changes[2].After).GetProperty("MedianSalary").GetDecimal());
        Assert.Equal([1, 2], Json(changes[2].After).GetProperty("Sources").EnumerateArray().Select(s => s.GetInt32()));
    }

    [Fact]
    public async Task A_deleted_item_is_brought_back_from_its_history_with_its_old_id()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        await using var db = app.NewDbContext();
        var skill = await db.SharedSkills.OrderBy(s => s.SortOrder).FirstAsync();
        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/skills/{skill.Id}/delete"));
        Assert.False(await db.SharedSkills.AnyAsync(s => s.Id == skill.Id));

        var history = await editor.GetAsync($"/admin/content/skills/{skill.Id}/history");
        Assert.Contains("This skill is deleted", history.Text);
        var restored = await editor.SubmitAsync(await editor.ClickLinkAsync(history, "ol.history a.restore"));

        Assert.Contains("Restored the version", restored.Text);
        var back = await db.SharedSkills.AsNoTracking().SingleAsync(s => s.Id == skill.Id);
        Assert.Equal(skill.Name, back.Name);
        Assert.Equal(skill.Description, back.Description);
    }

    [Fact]
    public async Task The_audit_page_lists_recent_changes_by_everyone()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        await editor.SubmitAsync(await editor.GetAsync("/admin/content/path-questions/edit/1"), fields: [("Input.Topic", "Career interests and talents")]);

        var audit = await editor.GetAsync("/admin/content/changes");

        var newest = audit.Document.QuerySelector("tbody tr")!;
        Assert.Contains("Updated question", newest.TextContent);
        Assert.Contains("Career interests and talents", newest.TextContent);
        Assert.Contains("Topic", newest.TextContent);
        Assert.Equal("/admin/content/path-questions/1/history", newest.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_first_edit_is_undone_by_restoring_the_seeded_original_after_a_confirmation_that_shows_each_change()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await app.CareerRoleIdAsync("IT Support");
        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/career-roles/edit/{id}"),
            fields: [("Input.MedianSalary", "75000"), ("Input.Title", "IT Support Specialist")]);

        var history = await editor.GetAsync($"/admin/content/career-roles/{id}/history");
        Assert.Equal("History of the career role “IT Support Specialist”", history.Document.QuerySelector("h1")!.TextContent);
        var original = history.Document.QuerySelector("ol.history > li.original");
        Assert.NotNull(original?.QuerySelector("a.restore"));
        var confirm = await editor.ClickLinkAsync(history, "ol.history > li.original a.restore");

        Assert.Equal("Restore the career role “IT Support Specialist”?", confirm.Document.QuerySelector("h1")!.TextContent);
        var changes = confirm.Document.QuerySelectorAll("table.restore-changes tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(d => d.TextContent).ToArray());
        Assert.Equal(["Median salary", "Title"], changes.Keys.Order());
        Assert.Equal(["75,000", "73,000"], changes["Median salary"]);
        Assert.Equal(["IT Support Specialist", "IT Support"], changes["Title"]);
        Assert.Equal(75_000m, await MedianAsync(id));

        var restored = await editor.SubmitAsync(confirm);

        Assert.Equal($"/admin/content/career-roles/{id}/history", restored.Path);
        Assert.Contains("Restored the original version", restored.Text);
        Assert.Equal(73_000m, await MedianAsync(id));
        await using var db = app.NewDbContext();
        Assert.Equal("IT Support", await db.CareerRoles.Where(r => r.Id == id).Select(r => r.Title).SingleAsync());
        var actions = await db.ContentChanges.Where(c => c.ContentType == "career-roles" && c.ItemId == id)
            .OrderBy(c => c.Id).Select(c => c.Action).ToListAsync();
        Assert.Equal([ChangeAction.Updated, ChangeAction.Restored], actions);
    }

    [Fact]
    public async Task The_history_of_an_item_nobody_changed_is_titled_with_its_name_and_offers_nothing_to_restore()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await app.CareerRoleIdAsync("DevOps Engineer");

        var history = await editor.GetAsync($"/admin/content/career-roles/{id}/history");

        Assert.Equal("History of the career role “DevOps Engineer”", history.Document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("History of the career role “DevOps Engineer”", history.Document.Title);
        Assert.Contains("No changes have been made since the site was set up", history.Text);
        Assert.Null(history.Document.QuerySelector("a.restore"));
        var nothing = await editor.GetAsync($"/admin/content/career-roles/{id}/restore/original");
        Assert.Equal(HttpStatusCode.NotFound, nothing.Status);
    }

    [Fact]
    public async Task A_restore_confirmed_after_someone_else_saved_the_item_is_not_applied_and_shows_the_new_differences()
    {
        using var alice = await app.LoginAsAsync(StaffRoles.Editor);
        using var bob = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await app.CareerRoleIdAsync("Business Analyst");
        await alice.SubmitAsync(await alice.GetAsync($"/admin/content/career-roles/edit/{id}"), fields: [("Input.MedianSalary", "107000")]);
        var aliceConfirm = await alice.GetAsync($"/admin/content/career-roles/{id}/restore/original");

        await bob.SubmitAsync(await bob.GetAsync($"/admin/content/career-roles/edit/{id}"), fields: [("Input.MedianSalary", "109000")]);
        var refused = await alice.SubmitAsync(aliceConfirm);

        Assert.Contains("Someone changed this career role after you opened this page, so nothing was restored.", refused.Text);
        Assert.Contains("109,000", refused.Document.QuerySelector("table.restore-changes")!.TextContent);
        Assert.Equal(109_000m, await MedianAsync(id));
        var restored = await alice.SubmitAsync(refused);
        Assert.Contains("Restored the original version", restored.Text);
        Assert.Equal(105_000m, await MedianAsync(id));
    }

    private static JsonElement Json(string? snapshot) => JsonDocument.Parse(snapshot!).RootElement;

    private async Task<decimal> MedianAsync(int id)
    {
        await using var db = app.NewDbContext();
        return await db.CareerRoles.Where(r => r.Id == id).Select(r => r.MedianSalary).SingleAsync();
    }
}
