using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;
using ProgramPortal.Email;

namespace ProgramPortal.Areas.Admin.Pages.Content.EmailSteps;

public class EditModel(PortalDbContext db, ContentHistory history, EmailHtml emailHtml) : ContentEditPage<SequenceStep, EditModel.InputModel>(db, history)
{
    private int _nextPosition;

    public IReadOnlyList<TemplateLink> Templates { get; private set; } = [];

    // The key only names the step for code and tests; a new one just needs to be unique.
    protected override SequenceStep NewItem() => new() { Key = $"step-{Guid.NewGuid():N}", Name = "", Audience = EmailAudience.Lead };

    protected override InputModel ToInput(SequenceStep item) => new()
    {
        Name = item.Name,
        Audience = item.Audience,
        // Staff work in whole days; a delay set otherwise (only possible in the database) is rounded on the next save.
        DelayDays = item.Id == 0 ? null : (int)Math.Round(item.Delay.TotalDays),
        FirstWording = item.Id == 0 ? new EmailWording() : null,
    };

    protected override void Apply(InputModel input, SequenceStep item)
    {
        item.Name = input.Name.Trim();
        item.Delay = TimeSpan.FromDays(input.DelayDays!.Value);
        if (Id is not null)
        {
            return;
        }

        // The audience is fixed once a step exists: emails already scheduled were addressed for it.
        item.Audience = input.Audience;
        item.Position = _nextPosition;
        // A step is created with its wording for every track, so there is never a step nobody can be sent.
        var template = new EmailTemplate { Subject = "", HtmlBody = "", TextBody = "" };
        input.FirstWording!.ApplyTo(template);
        item.Templates.Add(template);
        History.Track(EmailSequenceContent.Templates, template, ChangeAction.Created);
    }

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Templates = Id is null
            ? []
            : await Db.EmailTemplates.AsNoTracking().Where(t => t.StepId == Id).OrderBy(t => t.Track)
                .Select(t => new TemplateLink(t.Id, EmailTemplate.DescribeTrack(t.Track), t.Subject))
                .ToListAsync(cancellationToken);

    protected override async Task ValidateAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            return;
        }

        if (Input.FirstWording is null)
        {
            ModelState.AddModelError("", "Write the email's wording: a subject and both bodies.");
            return;
        }

        Input.FirstWording.Validate(ModelState, "Input.FirstWording", Input.Audience, emailHtml);
        _nextPosition = (await Db.SequenceSteps.MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0) + 1;
    }

    public sealed record TemplateLink(int Id, string Track, string Subject);

    public sealed record InputModel
    {
        [Required(ErrorMessage = "Give the step a name."), StringLength(200, ErrorMessage = "The name can have at most 200 characters."),
         Display(Name = "Name", Description = "Only staff see it, such as “Third follow-up, two weeks later”.")]
        public string Name { get; set; } = "";

        [Display(Name = "Sent to", Description = "Lead: the person who asked (with an unsubscribe link). Admissions: the admissions inbox, about the person. It cannot be changed later.")]
        public EmailAudience Audience { get; set; }

        [Required(ErrorMessage = "Give the delay in days (0 sends it at once)."),
         Range(0, 365, ErrorMessage = "The delay must be between 0 and 365 days."),
         Display(Name = "Days after the request", Description = "0 sends it at once. A changed delay applies to people who ask from now on; emails already scheduled keep their date.")]
        public int? DelayDays { get; set; }

        /// <summary>The wording for every track, asked for only when the step is created.</summary>
        public EmailWording? FirstWording { get; set; }
    }
}
