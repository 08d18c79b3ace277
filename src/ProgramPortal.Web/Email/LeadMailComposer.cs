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
/// a test send rather than vanishing. The HTML part is sanitised (<see cref="EmailHtml"/>) after the
/// values are in, so no value can turn into a link or markup either.
/// Lead emails always get the unsubscribe footer and the RFC 8058 headers, and emails to the
/// admissions inbox a link to the lead's page, whatever staff write.
/// </summary>
public sealed class LeadMailComposer(IOptions<MailOptions> mail, UnsubscribeTokens unsubscribe, IOptions<SiteOptions> site,
    PortalTime time)
{
    public MimeMessage Compose(LeadEmail email)
    {
        var lead = email.Lead!;
        var step = email.Step!;
        var unsubscribeUrl = step.Audience == EmailAudience.Lead ? unsubscribe.UrlFor(lead.Id) : null;
        var rendered = Render(step.TemplateFor(lead.Track), lead, step.Audience, unsubscribeUrl);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.Value.FromName, mail.Value.FromAddress));
        // The same id on every attempt lets a receiving server drop a copy sent twice after a crash;
        // the scheduling time keeps ids apart between databases (staging and production) that share a sender.
        message.MessageId = string.Create(CultureInfo.InvariantCulture,
            $"lead-email-{email.Id}-{email.ScheduledAt.ToUnixTimeMilliseconds()}@{MailDomain}");
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
            HtmlBody = "<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1b2430\">"
                + rendered.HtmlBody + "</body></html>",
        }.ToMessageBody();
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
            TemplatePlaceholders.Render(template.Subject, values, html: false),
            EmailHtml.Sanitize(TemplatePlaceholders.Render(template.HtmlBody, values, html: true)) + footerHtml,
            TemplatePlaceholders.Render(template.TextBody, values, html: false) + footerText);
    }

    private string MailDomain => mail.Value.FromAddress[(mail.Value.FromAddress.IndexOf('@') + 1)..];
}
