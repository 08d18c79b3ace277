using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProgramPortal.Email;

namespace ProgramPortal.Areas.Admin.Pages.Content;

/// <summary>The subject and bodies of an email template, as the template form and a new step's form take them.</summary>
public sealed record EmailWording
{
    public const int MaxBodyLength = 20_000;

    [Required(ErrorMessage = "Write the subject line."),
     StringLength(200, ErrorMessage = "The subject can have at most 200 characters."),
     RegularExpression(@"[^\r\n]*", ErrorMessage = "The subject must be a single line."),
     Display(Name = "Subject", Description = "One line. It may use the portal's own details, such as {{track}} or {{start_term}}, "
         + "but nothing the person typed (their name, address or message): nobody's words go out as the title of an email.")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Write the HTML body."),
     StringLength(MaxBodyLength, ErrorMessage = "The HTML body can have at most 20,000 characters."),
     DataType(DataType.MultilineText),
     Display(Name = "HTML body", Description = "What most mail programs show. Simple HTML such as <p>, <strong>, <em>, <ul> and <li>, "
         + "<a href=\"https://…\"> and <table>; scripts, forms, frames and event attributes are refused.")]
    public string HtmlBody { get; set; } = "";

    [Required(ErrorMessage = "Write the plain-text body."),
     StringLength(MaxBodyLength, ErrorMessage = "The plain-text body can have at most 20,000 characters."),
     DataType(DataType.MultilineText),
     Display(Name = "Plain-text body", Description = "For mail programs that do not show HTML: the same message without tags.")]
    public string TextBody { get; set; } = "";

    public static EmailWording Of(EmailTemplate template) =>
        new() { Subject = template.Subject, HtmlBody = template.HtmlBody, TextBody = template.TextBody };

    public void ApplyTo(EmailTemplate template)
    {
        template.Subject = Subject.Trim();
        template.HtmlBody = HtmlBody;
        template.TextBody = TextBody;
    }

    /// <summary>The rules beyond the attributes: known placeholders only, and HTML an email may carry.</summary>
    public void Validate(ModelStateDictionary modelState, string prefix, EmailAudience audience, EmailHtml emailHtml)
    {
        foreach (var (field, text) in new[] { (nameof(Subject), Subject), (nameof(HtmlBody), HtmlBody), (nameof(TextBody), TextBody) })
        {
            foreach (var problem in TemplatePlaceholders.Problems(text, audience, subject: field == nameof(Subject)))
            {
                modelState.AddModelError($"{prefix}.{field}", problem);
            }
        }

        if (emailHtml.Problems(HtmlBody) is { Count: > 0 } removed)
        {
            modelState.AddModelError($"{prefix}.{nameof(HtmlBody)}",
                $"Not allowed in an email: {string.Join("; ", removed)}. Take it out and save again.");
        }
    }
}
