using System.Diagnostics;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Every line a started process writes to stdout and stderr, in the order they arrive.</summary>
public sealed class ProcessLines
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Text => string.Join('\n', All);

    /// <summary>Applies <paramref name="environment"/> (a null value removes a variable), starts the process and collects its lines.</summary>
    public static ProcessLines Start(Process process, IDictionary<string, string?> environment)
    {
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                process.StartInfo.Environment.Remove(name);
            }
            else
            {
                process.StartInfo.Environment[name] = value;
            }
        }

        var lines = new ProcessLines();
        process.OutputDataReceived += (_, line) => lines.Add(line.Data);
        process.ErrorDataReceived += (_, line) => lines.Add(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lines;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
