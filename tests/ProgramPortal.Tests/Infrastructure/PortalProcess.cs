namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Runs the built portal (ProgramPortal.Web.dll, copied beside the tests) as its own process.</summary>
public static class PortalProcess
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "ProgramPortal.Web.dll");

    /// <summary>
    /// What every portal process in the tests gets: its database, mail as files in a scratch folder,
    /// and the certificate Production encrypts its keys with.
    /// </summary>
    public static Dictionary<string, string?> TestEnvironment(string connectionString) => new(ThrowawayCertificate.Settings())
    {
        ["ConnectionStrings__Portal"] = connectionString,
        ["Mail__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "portal-test-mail"),
    };

    public static Task<string> MigrateAsync(string connectionString, IDictionary<string, string?>? environment = null) =>
        RunVerbAsync(connectionString, ["migrate"], environment);

    /// <summary>Runs a command-line verb of the app to its end, as an operator would on a server; fails on a non-zero exit.</summary>
    public static Task<string> RunVerbAsync(string connectionString, IEnumerable<string> arguments,
        IDictionary<string, string?>? environment = null)
    {
        var variables = TestEnvironment(connectionString);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return ProcessRunner.RunAsync("dotnet", [AssemblyPath, .. arguments], variables);
    }
}
