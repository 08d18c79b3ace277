using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using ProgramPortal.Hosting;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>The three parts of an email as a lead or the admissions inbox gets them.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);

/// <summary>
/// Builds the message for one scheduled email from its step's template: multipart HTML and text.
/// Templates use placeholders like {{first_name}} (see <see cref="TemplatePlaceholders"/>); values are
/// HTML-encoded in the HTML part, and an unknown placeholder is left as written so a typo shows up in
/// a test send rather than vanishing. The HTML part is sanitised (<see cref="EmailHtml"/>) before the
/// values go in, which leaves placeholders only in text: a value can become neither markup nor part
/// of a link, image address or style. Subjects get none of what the person typed.
/// Lead emails always get the unsubscribe footer and the RFC 8058 headers, and emails to the
/// admissions inbox a link to the lead's page, whatever staff write.
/// </summary>
public sealed class LeadMailComposer(IOptions<MailOptions> mail, UnsubscribeTokens unsubscribe, ResubscribeTokens resubscribe,
    EmailHtml emailHtml, IOptions<SiteOptions> site, PortalTime time)
{
    public MimeMessage Compose(LeadEmail email)
    {
        if (email.IsResubscribeConfirmation)
        {
            return ComposeResubscribeConfirmation(email);
        }

        var lead = email.Lead!;
        var step = email.Step!;
        var unsubscribeUrl = step.Audience == EmailAudience.Lead ? unsubscribe.UrlFor(lead.Id) : null;
        var rendered = Render(step.TemplateFor(lead.Track), lead, step.Audience, unsubscribeUrl);

        var message = NewMessage(email);
        message.Subject = rendered.Subject;
        if (unsubscribeUrl is not null)
        {
            message.To.Add(new MailboxAddress(lead.FullName, email.ToAddress));
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        else
        {
            message.To.Add(MailboxAddress.Parse(email.ToAddress));
            message.ReplyTo.Add(new MailboxAddress(lead.FullName, lead.Email));
        }

        message.Body = new BodyBuilder
        {
            TextBody = rendered.TextBody,
            HtmlBody = HtmlDocument(rendered.HtmlBody),
        }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Asks an address that unsubscribed whether it wants emails again. Fixed wording with nothing the
    /// form's sender typed, not even a name: whoever posted the form may not be the mailbox's owner.
    /// </summary>
    private MimeMessage ComposeResubscribeConfirmation(LeadEmail email)
    {
        var url = resubscribe.UrlFor(email.LeadId);
        var message = NewMessage(email);
        message.To.Add(MailboxAddress.Parse(email.ToAddress));
        message.Subject = "Do you want emails about the MS-ITL again?";
        message.Body = new BodyBuilder
        {
            TextBody = "Hello,\n\nSomeone, perhaps you, asked us for information about the MS-ITL program with this email address, "
                + "which had unsubscribed from our emails. We will only email you again if you confirm by opening this link "
                + $"within {ResubscribeTokens.Lifetime.TotalDays:0} days:\n\n{url}\n\n"
                + "If it was not you, or you would rather not hear from us, ignore this email: you stay unsubscribed.\n\n"
                + "The MS-ITL Admissions team\n",
            HtmlBody = HtmlDocument("<p>Hello,</p><p>Someone, perhaps you, asked us for information about the MS-ITL program with this email address, "
                + "which had unsubscribed from our emails. We will only email you again if you confirm "
                + $"within {ResubscribeTokens.Lifetime.TotalDays:0} days:</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">Yes, send me emails about the MS-ITL again</a></p>"
                + "<p>If it was not you, or you would rather not hear from us, ignore this email: you stay unsubscribed.</p>"
                + "<p>The MS-ITL Admissions team</p>"),
        }.ToMessageBody();
        return message;
    }

    private static string HtmlDocument(string body) =>
        "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1b2430\">" + body + "</body></html>";

    private MimeMessage NewMessage(LeadEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.Value.FromName, mail.Value.FromAddress));
        // The same id on every attempt lets a receiving server drop a copy sent twice after a crash;
        // the scheduling time keeps ids apart between databases (staging and production) that share a sender.
        message.MessageId = string.Create(CultureInfo.InvariantCulture,
            $"lead-email-{email.Id}-{email.ScheduledAt.ToUnixTimeMilliseconds()}@{MailDomain}");
        return message;
    }

    /// <summary>
    /// A template filled in for a lead who is not in the database (the admin area's preview), exactly
    /// as <see cref="Compose"/> would fill it in for a real one.
    /// </summary>
    public RenderedEmail Preview(EmailTemplate template, EmailAudience audience, Lead sample) =>
        Render(template, sample, audience, audience == EmailAudience.Lead ? unsubscribe.PreviewUrl : null);

    private RenderedEmail Render(EmailTemplate template, Lead lead, EmailAudience audience, string? unsubscribeUrl)
    {
        var values = TemplatePlaceholders.ValuesFor(lead);
        values[TemplatePlaceholders.SubmittedAt] = time.ShowWithZone(lead.LastInquiryAt);
        var footerText = "";
        var footerHtml = "";
        if (audience == EmailAudience.Admissions)
        {
            // Staff answer a lead from its page (status, notes, history), so the note always links there.
            var leadUrl = site.Value.UrlFor($"/admin/leads/{lead.Id.ToString(CultureInfo.InvariantCulture)}");
            footerText = $"\n\n--\nOpen this lead in the portal: {leadUrl}\n";
            footerHtml = $"<hr><p><a href=\"{WebUtility.HtmlEncode(leadUrl)}\">Open this lead in the portal</a></p>";
        }
        else if (unsubscribeUrl is not null)
        {
            values[TemplatePlaceholders.UnsubscribeUrl] = unsubscribeUrl;
            footerText = $"\n\n--\nYou are getting this email because you asked about the MS-ITL program.\n"
                + $"To stop these emails, open: {unsubscribeUrl}\n";
            footerHtml = "<hr><p style=\"font-size:13px;color:#4a5563\">You are getting this email because you asked "
                + $"about the MS-ITL program. <a href=\"{WebUtility.HtmlEncode(unsubscribeUrl)}\">Unsubscribe</a> "
                + "to stop these emails.</p>";
        }

        return new RenderedEmail(
            TemplatePlaceholders.RenderSubject(template.Subject, values),
            TemplatePlaceholders.Render(emailHtml.Sanitize(template.HtmlBody), values, html: true) + footerHtml,
            TemplatePlaceholders.Render(template.TextBody, values, html: false) + footerText);
    }

    private string MailDomain => mail.Value.FromAddress[(mail.Value.FromAddress.IndexOf('@') + 1)..];
}
