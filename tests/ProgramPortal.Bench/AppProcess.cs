using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Bench;

/// <summary>
/// The published portal as a real process (`dotnet ProgramPortal.Web.dll`) on a loopback port, in
/// Production as deployed behind a TLS-ending proxy: plain HTTP, no redirect to HTTPS.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    /// <summary>From starting the process to the first 200 on `/`.</summary>
    public TimeSpan StartUp { get; private set; }

    /// <summary>The resident set size, as the kernel counts it (VmRSS).</summary>
    public long ResidentBytes =>
        File.ReadLines($"/proc/{_process.Id}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
            .First();

    /// <summary>CPU time the process has used, user and system (from /proc, in clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // Fields after the command name, which is in parentheses and may hold spaces.
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
        }
    }

    public static async Task<AppProcess> StartAsync(BenchSettings settings, string connectionString,
        IReadOnlyDictionary<string, string>? configuration = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(settings.AppAssembly)!,
        };
        start.ArgumentList.Add(settings.AppAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        foreach (var (name, value) in Environment(settings, connectionString, baseAddress, configuration))
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitForFirstPageAsync();
            app.StartUp = clock.Elapsed;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a verb of the app (migrate, create-admin) against a database and waits for it.</summary>
    public static Task<string> RunVerbAsync(BenchSettings settings, string connectionString,
        IReadOnlyDictionary<string, string>? configuration, params string[] verb) =>
        Tests.Infrastructure.ProcessRunner.RunAsync("dotnet", [settings.AppAssembly, .. verb],
            Environment(settings, connectionString, new Uri("http://127.0.0.1:5080"), configuration)
                .ToDictionary(e => e.Key, string? (e) => e.Value),
            TimeSpan.FromMinutes(5));

    /// <summary>Redirects are not followed and cookies are not kept: the bench clients handle both.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 1024 })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(10),
        };

    /// <summary>Samples the resident set every 100 ms until <paramref name="stop"/> fires; returns the largest.</summary>
    public async Task<long> PeakResidentBytesAsync(CancellationToken stop)
    {
        var peak = ResidentBytes;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentBytes);
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return Math.Max(peak, ResidentBytes);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Production encrypts its data-protection keys with a certificate; the bench makes its own, once per work directory.
    private static string KeyRingCertificate(BenchSettings settings)
    {
        var path = Path.Combine(settings.WorkDirectory, "keyring.pfx");
        return File.Exists(path) ? path : ThrowawayCertificate.Create(path);
    }

    private static Dictionary<string, string> Environment(BenchSettings settings, string connectionString, Uri baseAddress,
        IReadOnlyDictionary<string, string>? configuration)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = connectionString,
            ["Https__RedirectToHttps"] = "false",
            ["Https__UseHsts"] = "false",
            // Production refuses a plain-http public address; this one only goes into links.
            ["Site__PublicBaseUrl"] = $"https://{baseAddress.Authority}/",
            ["Mail__PickupDirectory"] = Path.Combine(settings.WorkDirectory, "mail"),
        };
        foreach (var (name, value) in ThrowawayCertificate.Settings(KeyRingCertificate(settings)))
        {
            environment[name] = value!;
        }

        foreach (var (name, value) in configuration ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private async Task WaitForFirstPageAsync()
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{LastLines}");
            }

            try
            {
                using var response = await client.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"The portal on {BaseAddress} served no page in time:\n{LastLines}");
    }

    public string LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 100)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
