
namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's own server binaries: initdb into a temp dir,
/// started on a free loopback port, stopped and deleted afterwards. initdb refuses to run as root,
/// so as root the cluster runs as the `postgres` system user.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string DirectoryPrefix = "portal-pg-";
    private readonly string _binaries;
    private readonly string _root;

    private LocalPostgresCluster(string binaries, string root, int port)
    {
        _binaries = binaries;
        _root = root;
        Port = port;
    }

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Pooling=true";
    private string DataDirectory => Path.Combine(_root, "data");
    private static bool IsRoot => Environment.UserName == "root";

    public static string? FindBinaries()
    {
        const string versions = "/usr/lib/postgresql";
        if (!Directory.Exists(versions))
        {
            return null;
        }

        return Directory.GetDirectories(versions)
            .Where(version => File.Exists(Path.Combine(version, "bin", "initdb")))
            .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
            .Select(version => Path.Combine(version, "bin"))
            .FirstOrDefault();
    }

    public static async Task<LocalPostgresCluster> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries under /usr/lib/postgresql: install the `postgresql` package "
            + "(deploy/test.sh does), start Docker, or set PORTAL_TEST_POSTGRES.");
        await RemoveAbandonedClustersAsync(binaries);

        var root = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString());
        var socketDirectory = Path.Combine(root, "socket");
        Directory.CreateDirectory(socketDirectory);
        if (IsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", root]);
        }

        var cluster = new LocalPostgresCluster(binaries, root, LoopbackPorts.Free());
        await cluster.RunAsync("initdb", "-D", cluster.DataDirectory, "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8", "-U", "postgres", "--no-sync");
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() => RunAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"),
        "-w", "-t", "60", "-o",
        $"-p {Port} -k {Path.Combine(_root, "socket")} -c listen_addresses=127.0.0.1 -c max_connections=300 "
        + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start");

    public Task StopServerAsync() => RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped, for instance by a test that stops the server on purpose.
        }

        Directory.Delete(_root, recursive: true);
    }

    private Task<string> RunAsync(string tool, params string[] arguments) => Run(_binaries, tool, arguments);

    private static Task<string> Run(string binaries, string tool, string[] arguments)
    {
        var path = Path.Combine(binaries, tool);
        return IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : ProcessRunner.RunAsync(path, arguments);
    }

    /// <summary>A test run that was killed leaves its cluster running; the next run stops and deletes it.</summary>
    private static async Task RemoveAbandonedClustersAsync(string binaries)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var ownerFile = Path.Combine(directory, "owner.pid");
            if (!File.Exists(ownerFile) || !int.TryParse(await File.ReadAllTextAsync(ownerFile), out var owner)
                || IsAlive(owner))
            {
                continue;
            }

            try
            {
                await Run(binaries, "pg_ctl", ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Not running any more.
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or IOException)
            {
                // Another test run on this machine is removing the same abandoned cluster.
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
