using Microsoft.Playwright;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Deployment;

/// <summary>
/// The portal started the ways people start it, not through WebApplicationFactory: the README's own
/// command on a fresh data dir, and the published folder run as the container image runs it. Each is
/// looked at in chromium, counted for the lines it prints before its first page, and stopped with
/// Ctrl-C. One class, so the two `dotnet publish` runs never share the project's obj/ at once.
/// </summary>
public sealed class StartingThePortalAsShippedTests(PortalDatabase database, ITestOutputHelper output)
    : IClassFixture<PortalDatabase>, IAsyncLifetime
{
    // A person reads what the command printed to find the address; more than this buries it.
    private const int MostLinesBeforeTheFirstPage = 50;
    private const string AdminEmail = "first.admin@programportal.local";
    private const string AdminPassword = "Shipped-Admin-2026";

    // Settings a developer's shell might hold that would send the command somewhere else than the test means.
    private static readonly string[] InheritedSettings =
    [
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS",
        "ConnectionStrings__Portal", "Site__PublicBaseUrl", "Mail__SmtpHost", "Mail__PickupDirectory",
        "PORTAL_ADMIN_EMAIL", "PORTAL_ADMIN_PASSWORD",
    ];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserPortalApp.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task The_readme_command_serves_a_styled_site_without_burying_its_address_and_ctrl_c_leaves_nothing_running()
    {
        var dataDirectory = NewFolderThePostgresUserCanReach();
        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        try
        {
            var settings = Cleared();
            settings["PORTAL_URL"] = address.ToString().TrimEnd('/');
            settings["PORTAL_DATA_DIR"] = dataDirectory;
            settings["PORTAL_ADMIN_EMAIL"] = AdminEmail;
            settings["PORTAL_ADMIN_PASSWORD"] = AdminPassword;

            await using var runSh = ShippedCommand.Start(RepositoryFiles.Root, ["deploy/run.sh"], settings, dataDirectory);
            // About 90 s here (mostly `dotnet publish`); the bound leaves room for a machine shared with other builds.
            var linesBefore = await runSh.WaitForFirstPageAsync(address, TimeSpan.FromMinutes(8));

            await RenderedPages.AssertStyledAsync(_browser, address, "/", "run-sh-home");
            await RenderedPages.AssertStyledAsync(_browser, address, "/admin/login", "run-sh-admin-login");
            Assert.True(linesBefore < MostLinesBeforeTheFirstPage,
                $"deploy/run.sh printed {linesBefore} lines before its first page:\n{runSh.OutputText}");
            Assert.Contains(runSh.Output, line => line.Contains($"ProgramPortal is on {settings["PORTAL_URL"]}"));
            output.WriteLine($"deploy/run.sh on a fresh data dir: {linesBefore} lines before the first page, styled, every asset non-empty");

            await runSh.InterruptAsync(TimeSpan.FromSeconds(90));
            Assert.Empty(runSh.ProcessesLeft());
            Assert.False(File.Exists(Path.Combine(dataDirectory, "postgres", "postmaster.pid")), "PostgreSQL did not stop");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task On_a_fresh_data_dir_the_readme_command_asks_for_the_first_admin_before_doing_anything()
    {
        var dataDirectory = NewFolderThePostgresUserCanReach();
        try
        {
            var settings = Cleared();
            settings["PORTAL_DATA_DIR"] = dataDirectory;

            await using var runSh = ShippedCommand.Start(RepositoryFiles.Root, ["deploy/run.sh"], settings, dataDirectory);
            var exitCode = await runSh.WaitForExitAsync(TimeSpan.FromSeconds(30));

            Assert.NotEqual(0, exitCode);
            Assert.Contains("PORTAL_ADMIN_EMAIL", runSh.OutputText);
            Assert.Contains("PORTAL_ADMIN_PASSWORD", runSh.OutputText);
            Assert.Contains("/admin/login", runSh.OutputText);
            Assert.False(Directory.Exists(Path.Combine(dataDirectory, "postgres")), "run.sh created a cluster nobody can sign in to");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_published_folder_started_as_the_image_starts_it_serves_a_styled_site_quietly_and_stops_on_ctrl_c()
    {
        var image = RepositoryFiles.Dockerfile();
        var build = image.Stages[0];
        var runtime = image.Final;
        var publish = Arguments(Assert.Single(build.All("RUN"), run => run.StartsWith("dotnet publish ")));
        var publishFolder = publish[publish.IndexOf("-o") + 1];
        // The image's working directory holds exactly what `dotnet publish` wrote, and the entry point runs there.
        Assert.Contains($"--from={build.Name} {publishFolder} ./", runtime.All("COPY"));
        Assert.Equal(publishFolder, Assert.Single(runtime.All("WORKDIR")));

        var folder = Directory.CreateTempSubdirectory("portal-published-").FullName;
        var port = LoopbackPorts.Free();
        var address = new Uri($"http://127.0.0.1:{port}");
        // What nginx adds in production: the browser's own request came over HTTPS.
        var proxyHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" };
        try
        {
            publish[publish.IndexOf("-o") + 1] = folder;
            await ProcessRunner.RunAsync("dotnet", publish.Skip(1).Select(argument =>
                argument.EndsWith(".csproj", StringComparison.Ordinal) ? RepositoryFiles.PathOf(argument) : argument),
                timeout: TimeSpan.FromMinutes(4));

            var settings = Cleared();
            foreach (var (name, value) in runtime.Environment)
            {
                settings[name] = value;
            }

            foreach (var (name, value) in PortalProcess.TestEnvironment(database.ConnectionString))
            {
                settings[name] = value;
            }

            settings["ASPNETCORE_HTTP_PORTS"] = port.ToString();
            settings["Site__PublicBaseUrl"] = "https://itl.example.edu";

            await using var portal = ShippedCommand.Start(folder, Arguments(Assert.Single(runtime.All("ENTRYPOINT"))), settings, folder);
            var linesBefore = await portal.WaitForFirstPageAsync(address, TimeSpan.FromMinutes(2), proxyHeaders);

            await RenderedPages.AssertStyledAsync(_browser, address, "/", "image-home", proxyHeaders);
            await RenderedPages.AssertStyledAsync(_browser, address, "/admin/login", "image-admin-login", proxyHeaders);
            Assert.True(linesBefore < MostLinesBeforeTheFirstPage,
                $"The published app printed {linesBefore} lines before its first page:\n{portal.OutputText}");
            output.WriteLine($"The published folder as the image runs it: {linesBefore} lines before the first page, styled, every asset non-empty");

            Assert.Equal(0, await portal.InterruptAsync(TimeSpan.FromSeconds(60)));
            Assert.Empty(portal.ProcessesLeft());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string?> Cleared() => InheritedSettings.ToDictionary(name => name, string? (_) => null);

    /// <summary>A fresh folder under the temp dir; run.sh hands its cluster to the `postgres` user, who must get in.</summary>
    private static string NewFolderThePostgresUserCanReach()
    {
        var folder = Directory.CreateTempSubdirectory("portal-shipped-").FullName;
        if (OperatingSystem.IsWindows())
        {
            return folder;
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return folder;
    }

    /// <summary>A Dockerfile instruction's arguments: the exec form (a JSON array) or the shell form split on spaces.</summary>
    private static List<string> Arguments(string instruction) => instruction.StartsWith('[')
        ? System.Text.Json.JsonSerializer.Deserialize<List<string>>(instruction)!
        : [.. instruction.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
