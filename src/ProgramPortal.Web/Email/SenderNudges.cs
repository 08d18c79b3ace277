using System.Threading.Channels;
using Hangfire;

namespace ProgramPortal.Email;

/// <summary>
/// Asks Hangfire to run <see cref="SendDueEmailsJob"/> soon, from this background loop rather than
/// from the request that committed a lead: Hangfire's client is synchronous, and blocking request
/// threads on its database round trips starved the thread pool under load. A nudge that arrives
/// while another is still waiting merges into it; every nudge is followed by an enqueue that starts
/// after it, so the job always sees the commit that asked for it. If the process stops first, the
/// recurring sweep sends the same rows within a minute. Enqueues are at least <see cref="MinimumGap"/>
/// apart: one run sends every email due, and under a burst of leads an enqueue per lead (about five
/// statements each) cost more than the leads themselves.
/// </summary>
public sealed class SenderNudges(IBackgroundJobClient jobs, ILogger<SenderNudges> logger) : BackgroundService
{
    private readonly Channel<bool> _waiting = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(500);

    public void Nudge() => _waiting.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _waiting.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                jobs.Enqueue<SendDueEmailsJob>(job => job.RunAsync(CancellationToken.None));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not enqueue the email sender; the recurring sweep will send the emails");
            }

            await Task.Delay(MinimumGap, stoppingToken);
        }
    }
}
