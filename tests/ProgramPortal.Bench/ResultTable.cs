namespace ProgramPortal.Bench;

/// <summary>One line of the table: the app's figure beside the machine's limit, measured in the same run.</summary>
public sealed record Result(int Figure, string Measure, string App, string Limit, string Ratio, string Target, bool? Passed);

public sealed class ResultTable
{
    private readonly List<Result> _results = [];

    public void Add(Result result)
    {
        _results.Add(result);
        Console.Error.WriteLine($"  figure {result.Figure}: {result.Measure}: app {result.App}, limit {result.Limit}");
    }

    public void Print(TextWriter output)
    {
        string[] header = ["figure", "measure", "app", "limit", "ratio", "target", "pass/fail"];
        var rows = _results.OrderBy(r => r.Figure)
            .Select(r => new[]
            {
                r.Figure.ToString(), r.Measure, r.App, r.Limit, r.Ratio, r.Target,
                r.Passed switch { true => "pass", false => "FAIL", null => "-" },
            })
            .ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        output.WriteLine(Line(header));
        output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }
    }

    public static string Ratio(double app, double limit) => limit > 0 ? $"{app / limit:0.00}" : "-";
    public static string PerSecond(double rate) => $"{rate:0} /s";
    public static string Milliseconds(double ms) => $"{ms:0.0} ms";
    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MB";
}
