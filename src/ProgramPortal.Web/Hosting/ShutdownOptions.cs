using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Hosting;

/// <summary>
/// How long a stopping instance waits for requests in flight and background jobs before it gives
/// up on them. Background jobs get this long to finish; a job still running when it expires is
/// abandoned and its queue hands it to another instance. Keep it below the orchestrator's own
/// grace period (docker compose `stop_grace_period`), or the process is killed mid-drain.
/// </summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    [Range(1, 3600)] public int TimeoutSeconds { get; set; } = 30;
}
