using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The built portal (ProgramPortal.Web.dll beside the tests) as a real process on a free loopback
/// port, configured the way docker-compose.yml runs it: Production settings (JSON logs), plain
/// HTTP. For what an in-memory host cannot show: several instances on one database, exit codes,
/// signals, restarts and kills.
/// </summary>
public sealed class PortalInstance : IAsyncDisposable
{
    private const int SignalTerminate = 15;
    private readonly Process _process;
    private readonly ProcessLines _output;

    private PortalInstance(Process process, ProcessLines output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far, one entry per line.</summary>
    public IReadOnlyList<string> Output => _output.All;

    /// <summary>The JSON console log entries (Production's format) among <see cref="Output"/>.</summary>
    public IReadOnlyList<JsonElement> LogEntries =>
        [.. Output.Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement)];

    public string OutputText => _output.Text;

    /// <summary>Starts the site and waits until /healthz answers 200.</summary>
    public static async Task<PortalInstance> StartAsync(string connectionString,
        IDictionary<string, string?>? settings = null)
    {
        var instance = Launch(connectionString, settings);
        try
        {
            await instance.WaitUntilHealthyAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the app without waiting: the site on a free port, or a verb when <paramref name="arguments"/>
    /// name one (then wait with <see cref="WaitForExitAsync"/>). <paramref name="settings"/> are
    /// environment variables over the compose-like defaults; a null value removes one.
    /// </summary>
    public static PortalInstance Launch(string connectionString, IDictionary<string, string?>? settings = null,
        params string[] arguments)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(PortalProcess.AssemblyPath);
        foreach (var argument in arguments.Length > 0 ? arguments : ["--urls", baseAddress.ToString()])
        {
            start.ArgumentList.Add(argument);
        }

        var environment = PortalProcess.TestEnvironment(connectionString);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Https__RedirectToHttps"] = "false";
        // Production refuses a plain-http public address, as it would be behind a TLS-ending proxy.
        environment["Site__PublicBaseUrl"] = "https://itl.example.edu";
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        return new PortalInstance(process, ProcessLines.Start(process, environment), baseAddress);
    }

    /// <summary>Redirects are not followed and cookies are not kept: tests look at both themselves.</summary>
    public HttpClient CreateClient() => CreateClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>
    /// A client that keeps cookies in <paramref name="cookies"/>. Cookies are per host, not per port, so
    /// clients of two instances sharing one container behave like one browser behind a load balancer.
    /// </summary>
    public HttpClient CreateClient(CookieContainer cookies) =>
        CreateClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });

    private HttpClient CreateClient(HttpClientHandler handler) =>
        new(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The portal exited with {_process.ExitCode} before it was healthy:\n{OutputText}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The portal on {BaseAddress} was not healthy in time:\n{OutputText}");
    }

    /// <summary>Sends SIGTERM, as `docker stop` does, and waits for the process to finish shutting down.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited && kill(_process.Id, SignalTerminate) != 0)
        {
            throw new InvalidOperationException($"Could not signal process {_process.Id}: errno {Marshal.GetLastPInvokeError()}");
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Ends the process at once, like `kill -9` or a crashed machine: nothing gets to clean up.</summary>
    public Task<int> KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        return WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Process {_process.Id} did not exit in time:\n{OutputText}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
