using System.Text.RegularExpressions;
using MailKit.Net.Smtp;

namespace ProgramPortal.Email;

/// <summary>
/// The mail server refused a message, told by its status code alone ("SMTP 550 mailbox unavailable").
/// The server's own text usually quotes the recipient's address, and this message goes into the
/// email log and the application log, which must not keep a person's address after they are erased.
/// </summary>
public sealed partial class MailRefusedException(SmtpStatusCode status)
    : Exception($"SMTP {(int)status} {Words().Replace(status.ToString(), " $1").Trim().ToLowerInvariant()}")
{
    public SmtpStatusCode Status { get; } = status;

    // "MailboxUnavailable" → "Mailbox Unavailable".
    [GeneratedRegex("([A-Z])")]
    private static partial Regex Words();
}
