namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Files of the repository itself (deploy/, docker-compose.yml, the app's settings, test artifacts), found from the test binaries.</summary>
public static class RepositoryFiles
{
    /// <summary>The checkout's root folder (the one holding ProgramPortal.sln), found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static ComposeFile Compose() => ComposeFile.Load(PathOf("docker-compose.yml"));

    /// <summary>deploy/compose.production.yml, the override a real deployment adds to docker-compose.yml.</summary>
    public static ComposeFile ProductionCompose() => ComposeFile.Load(PathOf("deploy/compose.production.yml"));

    public static Dockerfile Dockerfile() => Infrastructure.Dockerfile.Load(PathOf("deploy/Dockerfile"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProgramPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProgramPortal.sln above {AppContext.BaseDirectory}");
    }
}
