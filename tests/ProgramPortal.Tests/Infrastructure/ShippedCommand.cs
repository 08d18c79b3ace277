using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// A command started the way a person starts it at a terminal (deploy/run.sh, or `dotnet
/// ProgramPortal.Web.dll` in the published folder): a process group of its own, so Ctrl-C
/// (SIGINT to the group) reaches it as it would from a keyboard, and every line it prints kept in order.
/// Everything it starts is expected to live in <see cref="Folder"/>, which is how leftovers are found.
/// </summary>
public sealed class ShippedCommand : IAsyncDisposable
{
    private const int SignalInterrupt = 2;
    private const int SignalKill = 9;
    private readonly Process _process;
    private readonly ProcessLines _output;

    private ShippedCommand(Process process, ProcessLines output, string folder)
    {
        _process = process;
        _output = output;
        Folder = folder;
    }

    /// <summary>The folder the command's processes run from or name on their command line.</summary>
    public string Folder { get; }

    public IReadOnlyList<string> Output => _output.All;

    public string OutputText => _output.Text;

    /// <summary>
    /// Starts <paramref name="command"/> in <paramref name="workingDirectory"/> with only the given
    /// settings on top of this process's environment (a null value removes one).
    /// </summary>
    public static ShippedCommand Start(string workingDirectory, IEnumerable<string> command,
        IDictionary<string, string?> environment, string folder)
    {
        // setsid makes the command lead a new process group, as a shell does for a foreground job. A
        // terminal's job always gets Ctrl-C, but a test run started in the background (CI, `cmd &`)
        // ignores SIGINT and every child inherits that, so env gives the command the default back.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("setsid");
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        return new ShippedCommand(process, ProcessLines.Start(process, environment), folder);
    }

    /// <summary>
    /// Asks for <paramref name="page"/> until it answers 200 and returns how many lines the command
    /// had printed by then: what a person scrolls through before the site is usable.
    /// </summary>
    public async Task<int> WaitForFirstPageAsync(Uri page, TimeSpan timeout, IDictionary<string, string>? headers = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        await Poll.UntilAsync(async () =>
        {
            Assert.False(_process.HasExited, $"The command exited with {(_process.HasExited ? _process.ExitCode : 0)} before serving {page}:\n{OutputText}");
            try
            {
                using var response = await client.GetAsync(page);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, timeout, () => $"{page} never answered 200:\n{OutputText}", TimeSpan.FromMilliseconds(200));
        return Output.Count;
    }

    /// <summary>Ctrl-C: SIGINT to the command's process group; waits for the command to exit and returns its exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (kill(-_process.Id, SignalInterrupt) != 0)
        {
            throw new InvalidOperationException($"Could not interrupt process group {_process.Id}: errno {Marshal.GetLastPInvokeError()}");
        }

        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The command did not exit within {timeout}:\n{OutputText}");
        }

        return _process.ExitCode;
    }

    /// <summary>Running processes whose command line names <see cref="Folder"/> or whose working directory lies in it.</summary>
    public IReadOnlyList<string> ProcessesLeft()
    {
        var left = new List<string>();
        foreach (var entry in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(entry, "cmdline")).Replace('\0', ' ').Trim();
                var workingDirectory = new FileInfo(Path.Combine(entry, "cwd")).LinkTarget ?? "";
                if (commandLine.Contains(Folder) || workingDirectory == Folder || workingDirectory.StartsWith(Folder + "/"))
                {
                    left.Add($"{pid}: {commandLine} (in {workingDirectory})");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read.
            }
        }

        return left;
    }

    /// <summary>After a failed test: ends the group and anything of this command's that outlived it, by process id.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            kill(-_process.Id, SignalKill);
            await _process.WaitForExitAsync();
        }

        foreach (var leftover in ProcessesLeft())
        {
            kill(int.Parse(leftover.Split(':')[0]), SignalKill);
        }

        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
