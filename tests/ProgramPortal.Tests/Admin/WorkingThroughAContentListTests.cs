using Microsoft.Playwright;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProgramPortal.Tests.Admin;

/// <summary>
/// The content lists as an editor sees them in chromium: an 18-row list stays compact, moving an
/// item is a small control, and deleting is never a slip away from the everyday links.
/// Screenshots go to TestResults/screenshots for people to look at.
/// </summary>
public class WorkingThroughAContentListTests(BrowserPortalApp app, ITestOutputHelper output) : IClassFixture<BrowserPortalApp>
{
    private static readonly string Folder = RepositoryFiles.PathOf("TestResults", "screenshots");

    [Fact]
    public async Task The_eighteen_career_roles_fit_in_a_compact_list_whose_small_arrows_reorder_them()
    {
        var (page, watch) = await SignedInEditorAsync();
        await page.GotoAsync("/admin/content/career-roles");
        await ScreenshotAsync(page, "admin-career-roles");

        var rows = page.Locator("table.content-list tbody tr");
        await Expect(rows).ToHaveCountAsync(18);
        var tableHeight = await page.Locator("table.content-list").EvaluateAsync<double>("t => t.getBoundingClientRect().height");
        var rowHeights = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().height)");
        var arrows = await page.Locator("button.move").EvaluateAllAsync<double[][]>(
            "buttons => buttons.map(b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height])");
        output.WriteLine($"18 rows: table {tableHeight:0} px high, tallest row {rowHeights.Max():0} px, "
            + $"largest move control {arrows.Max(a => a[0]):0}x{arrows.Max(a => a[1]):0} px");
        Assert.All(rowHeights, height => Assert.True(height <= 44, $"A row is {height} px high"));
        Assert.All(arrows, size => Assert.True(size[0] <= 32 && size[1] <= 32, $"A move control is {size[0]}x{size[1]} px"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Move “IT Support” down" }).ClickAsync();
        await Expect(page.Locator("p.status")).ToHaveTextAsync("Moved it down.");
        await Expect(rows.Nth(1)).ToContainTextAsync("IT Support");
        await Expect(rows.Nth(0)).ToContainTextAsync("Technician");
        Assert.True(watch.All.Count == 0, string.Join("\n", watch.All));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Delete_is_not_in_the_list_and_sits_apart_on_the_edit_page_behind_its_confirmation()
    {
        var (page, watch) = await SignedInEditorAsync();
        await page.GotoAsync("/admin/content/faq");
        Assert.Equal(0, await page.Locator("table.content-list a[href$='/delete'], table.content-list .danger").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Is the program online?", Exact = true }).ClickAsync();
        await ScreenshotAsync(page, "admin-faq-edit");
        var history = await BoxAsync(page.GetByRole(AriaRole.Link, new() { Name = "History of this question" }));
        var save = await BoxAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        var delete = page.GetByRole(AriaRole.Link, new() { Name = "Delete this question…" });
        var deleteBox = await BoxAsync(delete);
        output.WriteLine($"Delete is {deleteBox.Y - (history.Y + history.Height):0} px below History, "
            + $"{deleteBox.Y - (save.Y + save.Height):0} px below Save");
        Assert.True(deleteBox.Y - (history.Y + history.Height) >= 32, "Delete is not set apart from History");

        await delete.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delete the question “Is the program online?”?");
        Assert.True(watch.All.Count == 0, string.Join("\n", watch.All));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_salary_typed_with_a_dollar_sign_and_commas_is_saved_and_listed()
    {
        var (page, watch) = await SignedInEditorAsync();
        await page.GotoAsync("/admin/content/career-roles");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit “Systems Analyst”" }).ClickAsync();
        var median = page.GetByLabel("Median salary (US$ a year)");
        await Expect(median).ToHaveValueAsync("103000");

        // A number box would drop this as it is typed and report the salary as missing.
        await median.FillAsync("$104,500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("p.status")).ToContainTextAsync("Saved the career role.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Systems Analyst" })).ToContainTextAsync("median $104,500");
        Assert.True(watch.All.Count == 0, string.Join("\n", watch.All));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_content_home_history_and_restore_pages_render_within_the_security_policy()
    {
        var (page, watch) = await SignedInEditorAsync();
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Content", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Content");
        await ScreenshotAsync(page, "admin-content-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Shared skills" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Technical literacy", Exact = true }).ClickAsync();
        await page.GetByLabel("Skill", new() { Exact = true }).FillAsync("Technical fluency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "History of “Technical fluency”" }).ClickAsync();
        await ScreenshotAsync(page, "admin-skill-history");
        await page.GetByRole(AriaRole.Link, new() { Name = "Restore the original…" }).ClickAsync();
        await ScreenshotAsync(page, "admin-skill-restore");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, restore this version" }).ClickAsync();
        await Expect(page.Locator("p.status")).ToContainTextAsync("Restored the original version");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("History of the skill “Technical literacy”");
        Assert.True(watch.All.Count == 0, string.Join("\n", watch.All));
        await page.Context.CloseAsync();
    }

    private async Task<(IPage Page, PolicyWatch Watch)> SignedInEditorAsync()
    {
        var editor = $"lists-{Guid.NewGuid():N}@staff.test";
        await app.CreateStaffAsync(editor, StaffRoles.Editor);
        var page = await app.NewTabAsync();
        var watch = await PolicyWatch.AttachAsync(page);
        await page.GotoAsync("/admin/login");
        await BrowserPortalApp.SignInAsync(page, editor);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return (page, watch);
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not shown");

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}
