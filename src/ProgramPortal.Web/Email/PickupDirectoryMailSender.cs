using Microsoft.Extensions.Options;
using MimeKit;

namespace ProgramPortal.Email;

/// <summary>Writes each message as an .eml file that any mail client opens; used when no SMTP server is set.</summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var directory = options.Value.PickupDirectory!;
        Directory.CreateDirectory(directory);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        // Written under a temporary name and moved, so a reader never sees half a message.
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
    }
}
