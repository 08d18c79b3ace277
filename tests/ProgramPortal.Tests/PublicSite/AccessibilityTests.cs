using System.Text.Json;
using Microsoft.Playwright;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

/// <summary>WCAG 2.1 AA in a real browser: axe-core on every public page, and the keyboard path through it.</summary>
public class AccessibilityTests(BrowserPortalApp app) : IClassFixture<BrowserPortalApp>
{
    private static readonly string AxeScript = RepositoryFiles.PathOf("tests", "browser", "node_modules", "axe-core", "axe.min.js");

    public static TheoryData<string, int> PagesAtWidths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var path in PublicPaths.EveryPage.Append("/careers?track=IS&level=Mid"))
            {
                data.Add(path, 390);
                data.Add(path, 1280);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PagesAtWidths))]
    public async Task Axe_finds_no_violation(string path, int width)
    {
        Assert.True(File.Exists(AxeScript), $"{AxeScript} is missing: run deploy/test.sh (npm ci in tests/browser).");
        var page = await app.OpenAsync(path, width);

        // Evaluated over the DevTools protocol: a script tag would be an inline script, which the
        // site's Content-Security-Policy rightly refuses.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript) + "\n;true");
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                });
                return {
                    passed: result.passes.map(p => p.id),
                    violations: result.violations.map(v =>
                        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`),
                };
            }
            """);

        Assert.Empty(result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()));
        // Proof that axe really examined the page rather than an empty or unstyled document.
        var passed = result.GetProperty("passed").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("color-contrast", passed);
        Assert.Contains("heading-order", passed);
        Assert.Contains("landmark-one-main", passed);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_first_tab_stop_is_a_visible_skip_link_that_moves_focus_to_the_content()
    {
        var page = await app.OpenAsync("/careers");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("a => a === document.activeElement"));
        Assert.True(await skip.IsVisibleAsync());
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, "The focused skip link is on screen");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_careers_filter_can_be_used_with_the_keyboard_alone()
    {
        var page = await app.OpenAsync("/careers");

        await page.FocusAsync("#track");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Show roles", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/careers?track=IS&level=");

        Assert.Equal(9, await page.Locator("li.role").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Focused_links_show_a_visible_focus_indicator()
    {
        var page = await app.OpenAsync("/");

        var link = page.Locator("main a[href='/compare']");
        await link.FocusAsync();
        var outline = await link.EvaluateAsync<string>("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth");

        Assert.Equal("solid 3px", outline);
        await page.Context.CloseAsync();
    }
}
