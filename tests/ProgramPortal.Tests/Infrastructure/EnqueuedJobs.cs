using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>For apps whose Hangfire server is off: the jobs waiting in the queue, and running them as a worker would.</summary>
public static class EnqueuedJobs
{
    public static IReadOnlyList<(string Id, Hangfire.Common.Job Job)> Waiting(this PortalApp app)
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        // A deleted job keeps its queue entry until a worker fetches it; its state says it is done.
        return [.. storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Where(entry => connection.GetJobData(entry.Key)?.State == EnqueuedState.StateName)
            .Select(entry => (entry.Key, entry.Value.Job))];
    }

    /// <summary>
    /// Runs each waiting job once, in its own scope. One that succeeds leaves the queue; one that
    /// throws stays, as Hangfire keeps it for a retry, and its exception is returned.
    /// </summary>
    public static async Task<IReadOnlyList<Exception>> RunWaitingJobsAsync(this PortalApp app)
    {
        var failures = new List<Exception>();
        foreach (var (id, job) in app.Waiting())
        {
            await using var scope = app.Services.CreateAsyncScope();
            var instance = scope.ServiceProvider.GetRequiredService(job.Type);
            try
            {
                await (Task)job.Method.Invoke(instance, [.. job.Args])!;
                app.Services.GetRequiredService<IBackgroundJobClient>().Delete(id);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        return failures;
    }
}
