using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The app on a real port with Debian's headless chromium pointed at it (deploy/test.sh installs
/// it; Playwright never downloads a browser here).
/// </summary>
public class BrowserPortalApp : PortalApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly int _port = LoopbackPorts.Free();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Links in emails point where the browser reaches the app, so a test opens them as they are.
        builder.UseSetting("Site:PublicBaseUrl", BaseAddress.ToString());
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(_port);
        StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's headless chromium, as every browser test drives it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No browser at {ChromiumPath}: run deploy/test.sh, which installs Debian's chromium.");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) with one blank tab, on the app's own address.</summary>
    public async Task<IPage> NewTabAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh tab of the given width, on the app's own address.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await NewTabAsync(width, height);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"GET {path} gave {response?.Status}");
        // Colour contrast and layout are only meaningful with the site's own stylesheet applied.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => s.cssRules.length > 20)"),
            $"The stylesheet did not load on {path}");
        return page;
    }

    /// <summary>Fills in the staff login form the tab shows and submits it, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = StaffSessions.Password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
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
