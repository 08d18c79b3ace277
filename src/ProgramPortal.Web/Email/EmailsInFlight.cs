namespace ProgramPortal.Email;

/// <summary>
/// Counts emails between their claim and the record of the outcome. On stop, the host waits for the
/// count to reach zero before it tears down the services the sender needs: Hangfire's own stop did not
/// always wait for the running job, and an email cut off there may reach the mail server unrecorded
/// and be sent again when its lease runs out. Registered before Hangfire's server, so it stops after it.
/// </summary>
public sealed class EmailsInFlight : IHostedService
{
    private int _count;

    public IDisposable Begin()
    {
        Interlocked.Increment(ref _count);
        return new Release(this);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Bounded by the host's shutdown timeout (Shutdown__TimeoutSeconds).
        while (Volatile.Read(ref _count) > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    private sealed class Release(EmailsInFlight owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref owner._count);
            }
        }
    }
}
