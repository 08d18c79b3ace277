using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Storage;

namespace ProgramPortal.Bench;

/// <summary>A message as the sink received it: when, for whom, and its bytes as sent.</summary>
public sealed record SinkMessage(TimeSpan ReceivedAt, string Recipient, byte[] Data);

/// <summary>
/// A local SMTP server (package SmtpServer) on loopback that accepts everything. It keeps what
/// it received while <see cref="Keep"/> is on, so the plain MailKit loop can send the same messages.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly List<SinkMessage> _kept = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private long _received;

    public int Port { get; } = FreePort();
    public bool Keep { get; set; } = true;
    public long Received => Interlocked.Read(ref _received);

    public IReadOnlyList<SinkMessage> Kept
    {
        get
        {
            lock (_kept)
            {
                return [.. _kept];
            }
        }
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_running ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private void Receive(string recipient, ReadOnlySequence<byte> buffer)
    {
        Interlocked.Increment(ref _received);
        if (Keep)
        {
            var message = new SinkMessage(_clock.Elapsed, recipient, buffer.ToArray());
            lock (_kept)
            {
                _kept.Add(message);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context,
            IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.FirstOrDefault();
            sink.Receive(to is null ? "" : $"{to.User}@{to.Host}", buffer);
            return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        }
    }
}
