using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using MimeKit;
using SmtpServer;
using SmtpServer.Storage;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>A message as the SMTP server received it: the envelope recipients and the parsed message.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A real SMTP server (package SmtpServer) on a loopback port, which MailKit delivers to. It can be
/// stopped and started again on the same port to play a mail server that is down.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = LoopbackPorts.Free();

    /// <summary>How long the server takes over each message before accepting it: a slow mail server keeps the sender busy.</summary>
    public TimeSpan DelayPerMessage { get; set; }

    /// <summary>Runs while each message waits to be accepted: a test's chance to break something at that very moment.</summary>
    public Func<Task>? BeforeAccepting { get; set; }

    /// <summary>
    /// Recipients this server refuses with 550, quoting the address in its reply as real servers do
    /// ("550 5.1.1 &lt;x@example.com&gt;: mailbox unavailable").
    /// </summary>
    public Func<string, bool> Refuses { get; set; } = _ => false;
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received, () => DelayPerMessage, () => BeforeAccepting, recipient => Refuses(recipient)));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
    }

    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. Received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Makes the app send its mail here over SMTP with MailKit, as it does in production.</summary>
    public void ReceiveMailFrom(IWebHostBuilder app)
    {
        app.UseSetting("Mail:SmtpHost", "127.0.0.1");
        app.UseSetting("Mail:SmtpPort", Port.ToString());
        app.UseSetting("Mail:Security", "None");
    }

    /// <summary>The same, as environment variables for the app run as its own process (<see cref="PortalInstance"/>).</summary>
    public Dictionary<string, string?> MailSettings() => new()
    {
        ["Mail__SmtpHost"] = "127.0.0.1",
        ["Mail__SmtpPort"] = Port.ToString(),
        ["Mail__Security"] = "None",
    };

    /// <summary>The one message for this address, waiting for it while a background job sends it.</summary>
    public async Task<ReceivedMail> WaitForOneAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (To(address).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return Assert.Single(To(address));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
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

    private sealed class Store(ConcurrentQueue<ReceivedMail> received, Func<TimeSpan> delay, Func<Func<Task>?> beforeAccepting,
        Func<string, bool> refuses) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context,
            IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await Task.Delay(delay(), cancellationToken);
            if (beforeAccepting() is { } hook)
            {
                await hook();
            }

            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            if (recipients.FirstOrDefault(refuses) is { } refused)
            {
                return new SmtpServer.Protocol.SmtpResponse(SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable,
                    $"5.1.1 <{refused}>: mailbox unavailable");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedMail(recipients, message));
            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }
}
