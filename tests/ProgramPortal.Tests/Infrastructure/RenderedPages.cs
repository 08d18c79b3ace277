using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// Pages as chromium renders them from a portal on a real address. Text, HTML and axe checks pass on
/// a page whose stylesheet came back empty; the computed style and the bytes of every asset do not.
/// </summary>
public static partial class RenderedPages
{
    public static readonly string ScreenshotFolder = RepositoryFiles.PathOf("TestResults", "screenshots", "shipped");

    /// <summary>
    /// Opens <paramref name="path"/>, saves a screenshot named <paramref name="name"/>, and asserts that
    /// the header shows the brand colour of site.css and that every stylesheet, script, image and icon
    /// the page links answers 200 with content. <paramref name="headers"/> go with every request, as a
    /// reverse proxy adds them.
    /// </summary>
    public static async Task AssertStyledAsync(IBrowser browser, Uri baseAddress, string path, string name,
        IDictionary<string, string>? headers = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = headers ?? new Dictionary<string, string>(),
        });
        try
        {
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"GET {path} gave {response?.Status}");

            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

            var header = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header')).backgroundColor");
            Assert.True(header == BrandColour, $"The header of {path} is {header}, not site.css's brand colour {BrandColour}: the stylesheet did not apply");

            var assets = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('link[href]')]
                        .filter(link => /stylesheet|icon|preload|manifest/.test(link.rel)).map(link => link.href)
                    .concat([...document.querySelectorAll('script[src], img[src]')].map(element => element.src))
                    .filter(url => new URL(url).origin === location.origin)
                """);
            Assert.Contains(assets, asset => asset.EndsWith(".css", StringComparison.Ordinal) || asset.Contains(".css?"));
            foreach (var asset in assets)
            {
                var answer = await context.APIRequest.GetAsync(asset);
                var bytes = await answer.BodyAsync();
                Assert.True(answer.Ok && bytes.Length > 0, $"{asset}, linked from {path}, answered {answer.Status} with {bytes.Length} bytes");
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>site.css's --brand colour as chromium reports a computed colour, "rgb(r, g, b)".</summary>
    private static string BrandColour { get; } = ReadBrandColour();

    private static string ReadBrandColour()
    {
        var css = File.ReadAllText(RepositoryFiles.PathOf("src", "ProgramPortal.Web", "wwwroot", "css", "site.css"));
        var hex = BrandVariable().Match(css).Groups["hex"].Value;
        var channels = Enumerable.Range(0, 3).Select(channel => Convert.ToInt32(hex.Substring(channel * 2, 2), 16));
        return $"rgb({string.Join(", ", channels)})";
    }

    [GeneratedRegex(@"--brand:\s*#(?<hex>[0-9a-fA-F]{6})")]
    private static partial Regex BrandVariable();
}
