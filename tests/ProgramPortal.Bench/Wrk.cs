using System.Globalization;
using System.Text.RegularExpressions;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Bench;

public sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds);

/// <summary>Debian's wrk: two threads (one per core), the given connections, latency percentiles.</summary>
public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri url, int connections, TimeSpan duration)
    {
        var output = await ProcessRunner.RunAsync("wrk",
        [
            "-t2", $"-c{connections}", $"-d{(int)Math.Ceiling(duration.TotalSeconds)}s", "--latency", "--timeout", "10s",
            url.ToString(),
        ]);
        // A run that got errors back measured something else than serving the page.
        if (output.Contains("Non-2xx or 3xx responses", StringComparison.Ordinal)
            || SocketErrors().Match(output) is { Success: true } errors && (errors.Groups[1].Value != "0" || errors.Groups[2].Value != "0"))
        {
            throw new InvalidOperationException($"wrk on {url} got failed responses:\n{output}");
        }

        var rate = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output);
        var value = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture);
        var milliseconds = p99.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            var unit => throw new FormatException($"wrk latency unit {unit}"),
        };
        return new WrkResult(rate, milliseconds);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+99%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99();

    [GeneratedRegex(@"Socket errors: connect (\d+), read \d+, write \d+, timeout (\d+)")]
    private static partial Regex SocketErrors();
}
