using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace ProgramPortal.Jobs;

/// <summary>
/// Hangfire logs through a process-wide static log provider. With one host per process that is
/// simply this host's logging. When hosts share a process (the integration tests start many), the
/// static may still point at a host that has been disposed: its loggers then go quiet instead of
/// throwing ObjectDisposedException into every other host's job enqueues.
/// </summary>
internal sealed class HostBoundLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Quiet.Instance;
        }
    }

    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Quiet : ILog
    {
        public static readonly Quiet Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
