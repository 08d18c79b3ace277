namespace ProgramPortal.Tests.Infrastructure;

/// <summary>A Dockerfile as its build stages and their instructions, for checking it without a Docker engine.</summary>
public sealed class Dockerfile(IReadOnlyList<DockerStage> stages)
{
    public IReadOnlyList<DockerStage> Stages { get; } = stages;
    public DockerStage Final => Stages[^1];

    public static Dockerfile Load(string path)
    {
        var stages = new List<DockerStage>();
        foreach (var (keyword, arguments) in Instructions(File.ReadAllLines(path)))
        {
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new DockerStage(parts[0], parts.Length == 3 ? parts[2] : null));
            }
            else
            {
                stages[^1].Instructions.Add((keyword, arguments));
            }
        }

        return new Dockerfile(stages);
    }

    /// <summary>Joins continued lines (trailing backslash) and drops comments.</summary>
    private static IEnumerable<(string Keyword, string Arguments)> Instructions(IEnumerable<string> lines)
    {
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0 && current.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            var split = current.Split(' ', 2, StringSplitOptions.TrimEntries);
            yield return (split[0].ToUpperInvariant(), split.Length > 1 ? split[1] : "");
            current = "";
        }
    }
}

public sealed record DockerStage(string Image, string? Name)
{
    public List<(string Keyword, string Arguments)> Instructions { get; } = [];

    public IEnumerable<string> All(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword == keyword).Select(instruction => instruction.Arguments);

    /// <summary>ENV instructions in the `KEY=value` form.</summary>
    public IReadOnlyDictionary<string, string> Environment => All("ENV")
        .SelectMany(arguments => arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1]);
}
