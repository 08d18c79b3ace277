using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Jobs;

/// <summary>Hangfire's background processing in this instance (section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this instance processes jobs. Off for tests that run the job classes themselves, and
    /// for an instance that should only serve pages; jobs are still enqueued to the database.
    /// </summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 50)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often idle workers look for enqueued jobs and the scheduler for due recurring ones.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
