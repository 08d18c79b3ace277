using MimeKit;

namespace ProgramPortal.Email;

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
