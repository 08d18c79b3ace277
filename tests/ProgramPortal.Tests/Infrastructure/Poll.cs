namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Waits for what another process or thread brings about, failing the test with what never happened.</summary>
public static class Poll
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure,
        TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure, TimeSpan? interval = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, failure, interval);
}
