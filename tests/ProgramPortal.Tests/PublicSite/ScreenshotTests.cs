using Microsoft.Playwright;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

/// <summary>Phone and desktop renderings kept as artifacts in TestResults/screenshots for people to look at.</summary>
public class ScreenshotTests(BrowserPortalApp app) : IClassFixture<BrowserPortalApp>
{
    private static readonly string Folder = RepositoryFiles.PathOf("TestResults", "screenshots");

    [Theory]
    [InlineData("/", "home", 390)]
    [InlineData("/", "home", 1280)]
    [InlineData("/careers", "careers", 390)]
    [InlineData("/careers", "careers", 1280)]
    public async Task The_page_fits_the_screen_and_is_captured(string path, string name, int width)
    {
        var page = await app.OpenAsync(path, width, height: width < 600 ? 844 : 900);

        // Nothing may force sideways scrolling on a phone: the layout has to reflow instead.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{path} is wider than a {width}px screen");

        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{name}-{width}px.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        await page.Context.CloseAsync();
    }
}
