using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ProgramPortal.Email;

public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var mail = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(mail.SmtpHost!, mail.SmtpPort, mail.Security, cancellationToken);
        if (!string.IsNullOrEmpty(mail.Username))
        {
            await client.AuthenticateAsync(mail.Username, mail.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
