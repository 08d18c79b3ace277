namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Runs a command-line verb of the built app against a test database, as an operator would on a server.</summary>
public static class PortalCommand
{
    public static Task<string> RunAsync(string connectionString, IEnumerable<string> arguments,
        IDictionary<string, string?> environment)
    {
        var variables = new Dictionary<string, string?>(environment)
        {
            ["ConnectionStrings__Portal"] = connectionString,
            ["Mail__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "portal-test-mail"),
        };
        return ProcessRunner.RunAsync("dotnet", [PortalProcess.AssemblyPath, .. arguments], variables);
    }
}
