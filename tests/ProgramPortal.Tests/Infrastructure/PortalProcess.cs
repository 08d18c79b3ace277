namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Runs the built portal (ProgramPortal.Web.dll, copied beside the tests) as its own process.</summary>
public static class PortalProcess
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "ProgramPortal.Web.dll");

    public static Task<string> MigrateAsync(string connectionString, IDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings__Portal"] = connectionString,
            ["Mail__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "portal-test-mail"),
        };
        return ProcessRunner.RunAsync("dotnet", [AssemblyPath, "migrate"], variables);
    }
}
