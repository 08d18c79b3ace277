using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ProgramPortal.Email;

/// <summary>
/// Sends through one SMTP connection for as long as this sender lives (a job run, a request), so a
/// batch of emails pays for the connection, TLS and login once. The connection is dropped after a
/// failed send, so the next one starts clean, and closed with QUIT when the scope ends. A refusal is
/// passed on by its status code only (<see cref="MailRefusedException"/>), without the server's text.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender, IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            var client = await ConnectedClientAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException refused)
        {
            _client?.Dispose();
            _client = null;
            throw new MailRefusedException(refused.StatusCode);
        }
        catch
        {
            _client?.Dispose();
            _client = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            // Every message was handed over already; a QUIT the server did not hear loses nothing.
        }
        finally
        {
            _client.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        _client?.Dispose();
        var mail = options.Value;
        // No Nagle: otherwise the message's closing dot can wait for the server's delayed ACK
        // (40 ms), which capped a single connection at a few hundred messages a second.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(mail.SmtpHost!, mail.SmtpPort, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _client = new SmtpClient();
        await _client.ConnectAsync(socket, mail.SmtpHost!, mail.SmtpPort, mail.Security, cancellationToken);
        if (!string.IsNullOrEmpty(mail.Username))
        {
            await _client.AuthenticateAsync(mail.Username, mail.Password ?? "", cancellationToken);
        }

        return _client;
    }
}
