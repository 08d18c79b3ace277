using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProgramPortal.Bench;

/// <summary>A message as the sink received it: when, for whom, and its bytes as sent.</summary>
public sealed record SinkMessage(TimeSpan ReceivedAt, string Recipient, byte[] Data);

/// <summary>
/// A minimal SMTP server on loopback that accepts every message, speaking just what MailKit needs.
/// Not the SmtpServer package the tests use: its replies go out with Nagle's algorithm on, so each
/// pipelined reply waits out the client's 40 ms delayed ACK, and no client gets past about 21
/// messages a second; the limit measured would be the sink's stall, not MailKit's. This sink sets
/// TCP_NODELAY and writes each reply in one piece. It keeps what it receives while
/// <see cref="Keep"/> is on, so the plain MailKit loop can send the same messages.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly List<SinkMessage> _kept = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Task? _accepting;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public bool Keep { get; set; } = true;

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

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await (_accepting ?? Task.CompletedTask);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            socket.NoDelay = true;
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket);
        var reader = new LineReader(stream);
        var recipient = "";
        try
        {
            await ReplyAsync(stream, "220 localhost ESMTP bench sink");
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = Encoding.ASCII.GetString(line).ToUpperInvariant();
                if (command.StartsWith("EHLO", StringComparison.Ordinal))
                {
                    await ReplyAsync(stream, "250-localhost\r\n250-8BITMIME\r\n250 PIPELINING");
                }
                else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
                {
                    recipient = Encoding.ASCII.GetString(line)[8..].Trim().Trim('<', '>');
                    await ReplyAsync(stream, "250 OK");
                }
                else if (command == "DATA")
                {
                    await ReplyAsync(stream, "354 End data with <CR><LF>.<CR><LF>");
                    Receive(recipient, await reader.ReadDataAsync());
                    await ReplyAsync(stream, "250 OK");
                }
                else if (command == "QUIT")
                {
                    await ReplyAsync(stream, "221 Bye");
                    return;
                }
                else
                {
                    // HELO, MAIL FROM, RSET, NOOP: nothing to check for a sink.
                    await ReplyAsync(stream, "250 OK");
                }
            }
        }
        catch (IOException)
        {
            // The client went away.
        }
    }

    private static Task ReplyAsync(Stream stream, string reply) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n")).AsTask();

    private void Receive(string recipient, byte[] data)
    {
        if (!Keep)
        {
            return;
        }

        var message = new SinkMessage(_clock.Elapsed, recipient, data);
        lock (_kept)
        {
            _kept.Add(message);
        }
    }

    /// <summary>Reads CRLF-terminated lines as bytes, and a message's data up to the lone dot.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<byte[]?> ReadLineAsync()
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var line = _buffer.AsSpan(_start, newline).TrimEnd((byte)'\r').ToArray();
                    _start += newline + 1;
                    return line;
                }

                if (_start > 0)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                var read = await stream.ReadAsync(_buffer.AsMemory(_end));
                if (read == 0)
                {
                    return null;
                }

                _end += read;
            }
        }

        public async Task<byte[]> ReadDataAsync()
        {
            using var message = new MemoryStream();
            while (await ReadLineAsync() is { } line && !(line is [(byte)'.']))
            {
                // Dot-stuffing: a line the client began with an extra dot.
                message.Write(line is [(byte)'.', ..] ? line.AsSpan(1) : line);
                message.Write("\r\n"u8);
            }

            return message.ToArray();
        }
    }
}
