namespace ProgramPortal.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root folder (the one holding ProgramPortal.sln), found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string Under(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ProgramPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ProgramPortal.sln above {AppContext.BaseDirectory}");
    }
}
