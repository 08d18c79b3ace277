namespace ProgramPortal.Bench.Figures;

/// <summary>
/// Figures 1 and 6: the cached public pages under wrk against nginx serving the very same bytes as
/// static files, and the app's start-up time and resident memory.
/// </summary>
public static class PublicPages
{
    public static readonly string[] Paths = ["/", "/careers"];
    private const double RateTarget = 0.5;
    private const double P99TargetMs = 20;

    public static async Task RunAsync(BenchSettings settings, BenchDatabase databases, ResultTable results)
    {
        var database = await databases.CreateAsync("bench_pages");
        await using var app = await AppProcess.StartAsync(settings, database);
        results.Add(new Result(6, "start-up to first 200 on /", $"{app.StartUp.TotalSeconds:0.00} s", "-", "-", "report", null));

        // Idle: started, every public page rendered once, then left alone.
        using var client = app.CreateClient();
        foreach (var path in Paths)
        {
            await WriteStaticCopyAsync(settings, path, await client.GetByteArrayAsync(path));
        }

        await Task.Delay(settings.Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5));
        var idle = app.ResidentBytes;

        using var stopSampling = new CancellationTokenSource();
        var peak = app.PeakResidentBytesAsync(stopSampling.Token);
        foreach (var path in Paths)
        {
            await CheckSameBytesAsync(settings, client, path);
            var appUrl = new Uri(app.BaseAddress, path);
            var nginxUrl = new Uri(settings.Nginx, path);
            // Warm-up lets the JIT reach its optimised tier before the measured run.
            await Wrk.RunAsync(appUrl, settings.Connections, settings.WrkWarmUp);
            var ofApp = await Wrk.RunAsync(appUrl, settings.Connections, settings.WrkDuration);
            await Wrk.RunAsync(nginxUrl, settings.Connections, settings.WrkWarmUp);
            var ofNginx = await Wrk.RunAsync(nginxUrl, settings.Connections, settings.WrkDuration);

            var ratio = ofApp.RequestsPerSecond / ofNginx.RequestsPerSecond;
            results.Add(new Result(1, $"GET {path} ({settings.Connections} conn), vs nginx static",
                ResultTable.PerSecond(ofApp.RequestsPerSecond), ResultTable.PerSecond(ofNginx.RequestsPerSecond),
                ResultTable.Ratio(ofApp.RequestsPerSecond, ofNginx.RequestsPerSecond), $">= {RateTarget}", ratio >= RateTarget));
            results.Add(new Result(1, $"GET {path} p99 latency",
                ResultTable.Milliseconds(ofApp.P99Milliseconds), ResultTable.Milliseconds(ofNginx.P99Milliseconds),
                ResultTable.Ratio(ofNginx.P99Milliseconds, ofApp.P99Milliseconds), $"< {P99TargetMs} ms", ofApp.P99Milliseconds < P99TargetMs));
        }

        await stopSampling.CancelAsync();
        results.Add(new Result(6, "resident memory idle", ResultTable.Megabytes(idle), "-", "-", "report", null));
        results.Add(new Result(6, "resident memory under load (peak)", ResultTable.Megabytes(await peak), "-", "-", "report", null));
    }

    /// <summary>nginx serves `/` from index.html and other paths from a file of the same name.</summary>
    private static Task WriteStaticCopyAsync(BenchSettings settings, string path, byte[] html) =>
        File.WriteAllBytesAsync(Path.Combine(settings.NginxRoot, path == "/" ? "index.html" : path.TrimStart('/')), html);

    private static async Task CheckSameBytesAsync(BenchSettings settings, HttpClient app, string path)
    {
        using var nginx = new HttpClient();
        var fromApp = await app.GetByteArrayAsync(path);
        var fromNginx = await nginx.GetByteArrayAsync(new Uri(settings.Nginx, path));
        if (!fromApp.AsSpan().SequenceEqual(fromNginx))
        {
            throw new InvalidOperationException($"nginx does not serve the same bytes as the app for {path}");
        }
    }
}
