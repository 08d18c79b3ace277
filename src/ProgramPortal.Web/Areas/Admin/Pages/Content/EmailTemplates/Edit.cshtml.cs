using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Leads;

namespace ProgramPortal.Areas.Admin.Pages.Content.EmailTemplates;

public class EditModel(PortalDbContext db, ContentHistory history, LeadMailComposer composer, EmailHtml emailHtml, TimeProvider clock)
    : ContentEditPage<EmailTemplate, EditModel.InputModel>(db, history)
{
    private IReadOnlyList<StepChoice> _steps = [];

    public IReadOnlyList<SelectListItem> Steps => [.. _steps.Select(s => new SelectListItem(s.Label, s.Id.ToString()))];

    public static IReadOnlyList<SelectListItem> Tracks { get; } =
    [
        new(EmailTemplate.DescribeTrack(null), ""),
        .. Enum.GetValues<TrackInterest>().Select(t => new SelectListItem(EmailTemplate.DescribeTrack(t), t.ToString())),
    ];

    /// <summary>The wording in the form, filled in for a sample person: the saved one on opening, the typed one after Preview.</summary>
    public (Lead Person, RenderedEmail Email)? Preview
    {
        get
        {
            if (!ModelState.IsValid || Input.Wording.Subject.Length == 0 || _steps.FirstOrDefault(s => s.Id == Input.StepId) is not { } step)
            {
                return null;
            }

            var person = SampleLead.For(Input.Track ?? TrackInterest.IS, clock.GetUtcNow());
            var template = new EmailTemplate { Subject = "", HtmlBody = "", TextBody = "" };
            Input.Wording.ApplyTo(template);
            return (person, composer.Preview(template, step.Audience, person));
        }
    }

    // Decided after the handler and before the page renders: the preview's inline styles must be in
    // the response's policy before its headers go out. [NonHandler]: Razor Pages would otherwise take
    // this override for a handler of a "PAGE" method named "HandlerExecuted".
    [NonHandler]
    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Result is PageResult && Preview is var (_, email))
        {
            HttpContext.AllowStyleAttributes(EmailHtml.StyleAttributes(email.HtmlBody));
        }
    }

    /// <summary>Shows the typed wording filled in, without saving (the form keeps its version, so a later save is still checked).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        await LoadChoicesAsync(cancellationToken);
        if (ModelState.IsValid && _steps.FirstOrDefault(s => s.Id == Input.StepId) is { } step)
        {
            Input.Wording.Validate(ModelState, "Input.Wording", step.Audience, emailHtml);
        }

        return Page();
    }

    // "Add a template" links from a step's page name the step (?step=3).
    protected override EmailTemplate NewItem() => new()
    {
        StepId = int.TryParse(Request.Query["step"], out var step) ? step : 0,
        Subject = "", HtmlBody = "", TextBody = "",
    };

    protected override InputModel ToInput(EmailTemplate item) => new()
    {
        StepId = item.StepId == 0 ? null : item.StepId, Track = item.Track, Wording = EmailWording.Of(item),
    };

    protected override void Apply(InputModel input, EmailTemplate item)
    {
        item.StepId = input.StepId!.Value;
        item.Track = input.Track;
        input.Wording.ApplyTo(item);
    }

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        _steps = await Db.SequenceSteps.AsNoTracking().OrderBy(s => s.Delay).ThenBy(s => s.Position)
            .Select(s => new StepChoice(s.Id, s.Name, s.Audience))
            .ToListAsync(cancellationToken);

    protected override async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var step = await Db.SequenceSteps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Input.StepId, cancellationToken);
        if (step is null)
        {
            ModelState.AddModelError("Input.StepId", "Choose the email step this template belongs to.");
            return;
        }

        Input.Wording.Validate(ModelState, "Input.Wording", step.Audience, emailHtml);
        foreach (var problem in await EmailSequenceContent.PlacementProblemsAsync(Db, Id ?? 0, step.Id, Input.Track, cancellationToken))
        {
            ModelState.AddModelError("Input.Track", problem);
        }
    }

    public sealed record StepChoice(int Id, string Name, EmailAudience Audience)
    {
        public string Label => $"{Name} (to {SequenceStep.DescribeAudience(Audience)})";
    }

    public sealed record InputModel
    {
        [Required(ErrorMessage = "Choose the email step this template belongs to."), Display(Name = "Email step")]
        public int? StepId { get; set; }

        [Display(Name = "For people interested in")]
        public TrackInterest? Track { get; set; }

        public EmailWording Wording { get; set; } = new();
    }
}
