using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>
/// Builds the message for one scheduled email from its step's template: multipart HTML and text.
/// Templates use placeholders like {{first_name}}; values are HTML-encoded in the HTML part, and an
/// unknown placeholder is left as written so a typo shows up in a test send rather than vanishing.
/// Lead emails always get the unsubscribe footer and the RFC 8058 headers, whatever staff write.
/// </summary>
public sealed partial class LeadMailComposer(IOptions<MailOptions> mail, UnsubscribeTokens unsubscribe)
{
    public MimeMessage Compose(LeadEmail email)
    {
        var lead = email.Lead!;
        var step = email.Step!;
        var template = step.TemplateFor(lead.Track);
        var values = Values(lead);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.Value.FromName, mail.Value.FromAddress));
        // The same id on every attempt lets a receiving server drop a copy sent twice after a crash;
        // the scheduling time keeps ids apart between databases (staging and production) that share a sender.
        message.MessageId = string.Create(CultureInfo.InvariantCulture,
            $"lead-email-{email.Id}-{email.ScheduledAt.ToUnixTimeMilliseconds()}@{MailDomain}");
        message.Subject = Render(template.Subject, values, html: false);

        var footerText = "";
        var footerHtml = "";
        if (step.Audience == EmailAudience.Lead)
        {
            message.To.Add(new MailboxAddress(lead.FullName, email.ToAddress));
            var unsubscribeUrl = unsubscribe.UrlFor(lead.Id);
            values["unsubscribe_url"] = unsubscribeUrl;
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            footerText = $"\n\n--\nYou are getting this email because you asked about the MS-ITL program.\n"
                + $"To stop these emails, open: {unsubscribeUrl}\n";
            footerHtml = "<hr><p style=\"font-size:13px;color:#4a5563\">You are getting this email because you asked "
                + $"about the MS-ITL program. <a href=\"{WebUtility.HtmlEncode(unsubscribeUrl)}\">Unsubscribe</a> "
                + "to stop these emails.</p>";
        }
        else
        {
            message.To.Add(MailboxAddress.Parse(email.ToAddress));
            message.ReplyTo.Add(new MailboxAddress(lead.FullName, lead.Email));
        }

        message.Body = new BodyBuilder
        {
            TextBody = Render(template.TextBody, values, html: false) + footerText,
            HtmlBody = "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1b2430\">"
                + Render(template.HtmlBody, values, html: true) + footerHtml + "</body></html>",
        }.ToMessageBody();
        return message;
    }

    private string MailDomain => mail.Value.FromAddress[(mail.Value.FromAddress.IndexOf('@') + 1)..];

    private static Dictionary<string, string> Values(Lead lead)
    {
        var latest = lead.Inquiries.MaxBy(i => i.SubmittedAt);
        return new Dictionary<string, string>
        {
            ["first_name"] = lead.FirstName,
            ["last_name"] = lead.LastName,
            ["full_name"] = lead.FullName,
            ["email"] = lead.Email,
            ["phone"] = lead.Phone ?? "(not given)",
            ["country"] = Countries.NameOf(lead.CountryCode),
            ["track"] = lead.Track.Describe(),
            ["start_term"] = lead.StartTerm,
            ["years_experience"] = lead.YearsOfExperience.ToString(CultureInfo.InvariantCulture),
            ["message"] = latest?.Message ?? "(none)",
            ["utm_source"] = latest?.UtmSource ?? "(none)",
            ["utm_medium"] = latest?.UtmMedium ?? "(none)",
            ["utm_campaign"] = latest?.UtmCampaign ?? "(none)",
            ["referrer"] = latest?.Referrer ?? "(none)",
            ["submitted_at"] = lead.LastInquiryAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["lead_id"] = lead.Id.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Render(string template, Dictionary<string, string> values, bool html) =>
        Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? html ? WebUtility.HtmlEncode(value).ReplaceLineEndings("<br>") : value
                : match.Value);

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
