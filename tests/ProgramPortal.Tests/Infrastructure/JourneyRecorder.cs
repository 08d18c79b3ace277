using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// A screenshot of every step of a journey, kept under TestResults/screenshots/journeys/ for people
/// to look at, and a numbered list of the steps in the test's output.
/// </summary>
public sealed partial class JourneyRecorder(string journey, ITestOutputHelper output)
{
    public static readonly string Folder = RepositoryFiles.PathOf("TestResults", "screenshots", "journeys");

    public int Steps { get; private set; }

    public async Task StepAsync(IPage page, string what)
    {
        Steps++;
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{journey}-{Steps:00}-{NotWord().Replace(what.ToLowerInvariant(), "-").Trim('-')}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 5_000, $"{file} looks empty");
        output.WriteLine($"step {Steps}: {what} ({new Uri(page.Url).AbsolutePath}) -> {Path.GetFileName(file)}");
    }

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotWord();
}
