using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// docker-compose.yml as data, for checking it without a Docker engine. Anchors and merge keys
/// (`&lt;&lt;: *x`) are resolved as Compose resolves them; `${NAME:-default}` is read as its default.
/// </summary>
public sealed partial class ComposeFile(Dictionary<object, object> root)
{
    public static ComposeFile Load(string path)
    {
        using var reader = File.OpenText(path);
        // `!override` makes an override file replace a list instead of appending to it.
        var yaml = new DeserializerBuilder().WithTagMapping("!override", typeof(List<object>)).Build()
            .Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return new ComposeFile(yaml);
    }

    public IReadOnlyCollection<string> ServiceNames => [.. Map(root["services"]).Keys.Select(key => (string)key)];

    public IReadOnlyCollection<string> VolumeNames =>
        root.TryGetValue("volumes", out var volumes) ? [.. Map(volumes).Keys.Select(key => (string)key)] : [];

    public ComposeService Service(string name) =>
        Map(root["services"]).TryGetValue(name, out var service)
            ? new ComposeService(name, Map(service))
            : throw new KeyNotFoundException($"docker-compose.yml has no service '{name}'");

    /// <summary>The value Compose uses when the variable is not set: `${X:-default}` gives default.</summary>
    public static string WithDefaults(string value) =>
        Variable().Replace(value, match => match.Groups["default"].Value);

    internal static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    [GeneratedRegex(@"\$\{(?<name>\w+)(:?-(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}

public sealed class ComposeService(string name, Dictionary<object, object> node)
{
    public string Name { get; } = name;

    public string? Image => Scalar("image");
    public bool HasHealthcheck => node.ContainsKey("healthcheck");
    public string? Restart => Scalar("restart");
    public string? StopGracePeriod => Scalar("stop_grace_period");
    public IReadOnlyList<string> Profiles => List("profiles");
    public IReadOnlyList<string> Command => List("command");
    public IReadOnlyList<string> Volumes => List("volumes");
    public IReadOnlyList<string> Ports => List("ports");

    public IReadOnlyDictionary<string, string>? Build =>
        node.TryGetValue("build", out var build)
            ? ComposeFile.Map(build).ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value)
            : null;

    /// <summary>The environment as written (list or map form), variables still unresolved.</summary>
    public IReadOnlyDictionary<string, string> Environment => node.TryGetValue("environment", out var environment)
        ? environment switch
        {
            List<object> list => list.Cast<string>().Select(item => item.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : ""),
            _ => ComposeFile.Map(environment).ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value),
        }
        : new Dictionary<string, string>();

    /// <summary>Each service this one waits for, with its condition (service_started when none is given).</summary>
    public IReadOnlyDictionary<string, string> DependsOn => node.TryGetValue("depends_on", out var dependsOn)
        ? dependsOn switch
        {
            List<object> list => list.Cast<string>().ToDictionary(service => service, _ => "service_started"),
            _ => ComposeFile.Map(dependsOn).ToDictionary(entry => (string)entry.Key,
                entry => ComposeFile.Map(entry.Value).TryGetValue("condition", out var condition) ? (string)condition : "service_started"),
        }
        : new Dictionary<string, string>();

    /// <summary>
    /// The host address each published port listens on: "127.0.0.1:8080:8080" gives 127.0.0.1, while
    /// "8080:8080" and "8080" give 0.0.0.0, every interface of the machine.
    /// </summary>
    public IReadOnlyList<string> HostAddresses =>
        [.. Ports.Select(port => ComposeFile.WithDefaults(port).Split(':') is [var address, _, _] ? address : "0.0.0.0")];

    /// <summary>The container side of each published port ("8080:8080" gives 8080).</summary>
    public IReadOnlyList<int> ContainerPorts =>
        [.. Ports.Select(port => int.Parse(port.Split(':')[^1].Split('/')[0]))];

    private string? Scalar(string key) => node.TryGetValue(key, out var value) ? (string)value : null;

    private IReadOnlyList<string> List(string key) => node.TryGetValue(key, out var value)
        ? value switch
        {
            List<object> list => [.. list.Cast<string>()],
            string single => [single],
            _ => throw new InvalidDataException($"{Name}.{key} is neither a string nor a list"),
        }
        : [];
}
