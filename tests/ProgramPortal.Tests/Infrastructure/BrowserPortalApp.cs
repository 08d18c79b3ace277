using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The app on a real port with Debian's headless chromium pointed at it (deploy/test.sh installs
/// it; Playwright never downloads a browser here).
/// </summary>
public class BrowserPortalApp : PortalApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the host does not read the build's map of static web assets, so the
        // gzip variants the build keeps under obj/ would be served empty to a browser that asks
        // for them. A published app has them in its wwwroot and needs no such map.
        builder.UseStaticWebAssets();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No browser at {ChromiumPath}: run deploy/test.sh, which installs Debian's chromium.");
        }

        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh tab of the given width, on the app's own address.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"GET {path} gave {response?.Status}");
        // Colour contrast and layout are only meaningful with the site's own stylesheet applied.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => s.cssRules.length > 20)"),
            $"The stylesheet did not load on {path}");
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
