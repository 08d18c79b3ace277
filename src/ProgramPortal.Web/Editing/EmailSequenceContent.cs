using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Email;
using ProgramPortal.Leads;

namespace ProgramPortal.Editing;

/// <summary>
/// The follow-up emails as content types of the admin area: their steps (when each email goes and
/// to whom) and templates (the wording, per track of interest or for every track).
/// </summary>
public static class EmailSequenceContent
{
    private const string SavedNote = "Emails not yet sent use it from now on.";

    public static readonly ContentType<SequenceStep> Steps = new("email-steps", "Follow-up email steps", "follow-up email step", s => s.Name,
        s => $"To {SequenceStep.DescribeAudience(s.Audience)}, {SequenceStep.DescribeDelay(s.Delay)}")
    {
        Help = "The emails a person gets after asking for information, in the order they are sent. "
            + "A changed delay applies to people who ask from now on; emails already scheduled keep their date.",
        SavedNote = SavedNote,
        ListOrder = steps => steps.OrderBy(s => s.Delay).ThenBy(s => s.Position),
        Blockers = StepBlockersAsync,
        Deleting = DeleteTemplatesAsync,
    };

    public static readonly ContentType<EmailTemplate> Templates = new("email-templates", "Follow-up email templates", "follow-up email template",
        t => t.Subject, t => $"{t.Step!.Name} · {EmailTemplate.DescribeTrack(t.Track)}")
    {
        Help = "The wording of each step: one template for every track, and optionally one per track that replaces it "
            + "for people interested in that track. Edits apply to every email not yet sent.",
        SavedNote = SavedNote,
        Include = t => t.Step,
        ListOrder = templates => templates.OrderBy(t => t.Step!.Delay).ThenBy(t => t.Step!.Position).ThenBy(t => t.Track),
        Blockers = TemplateBlockersAsync,
        RestoreRules = (db, template, cancellationToken) =>
            PlacementProblemsAsync(db, template.Id, template.StepId, template.Track, cancellationToken),
    };

    /// <summary>
    /// Why a template cannot take this step and track: the step is gone, another template has that
    /// place, or moving it there would leave its present step without wording for some track.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PlacementProblemsAsync(PortalDbContext db, int templateId, int stepId,
        TrackInterest? track, CancellationToken cancellationToken)
    {
        var stepName = await db.SequenceSteps.Where(s => s.Id == stepId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        if (stepName is null)
        {
            return ["Its email step has been deleted. Restore the step first."];
        }

        var problems = new List<string>();
        if (await db.EmailTemplates.AnyAsync(t => t.StepId == stepId && t.Track == track && t.Id != templateId, cancellationToken))
        {
            problems.Add($"The step “{stepName}” already has a template for {EmailTemplate.DescribeTrack(track)}. Edit that one instead.");
        }

        var saved = await db.EmailTemplates.AsNoTracking().Where(t => t.Id == templateId)
            .Select(t => new { t.StepId, t.Track }).SingleOrDefaultAsync(cancellationToken);
        if (saved is not null && (saved.StepId != stepId || saved.Track != track))
        {
            if (await TracksLeftWithoutAsync(db, saved.StepId, templateId, cancellationToken) is { Length: > 0 } missing)
            {
                problems.Add($"This would leave its step without wording for people interested in {missing}. "
                    + "Add a template for them first, or keep this one where it is.");
            }
        }

        return problems;
    }

    private static async Task<IReadOnlyList<string>> StepBlockersAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var emails = await db.LeadEmails.CountAsync(e => e.StepId == id, cancellationToken);
        return emails == 0
            ? []
            : [$"{emails} email{(emails == 1 ? "" : "s")} in leads' email logs came from this step (sent, scheduled or cancelled), "
                + "and the logs must keep saying what was sent. Change its wording or delay instead."];
    }

    // Templates are deleted with their step; each deletion is recorded so it can be restored after the step.
    private static async Task DeleteTemplatesAsync(PortalDbContext db, ContentHistory history, SequenceStep step,
        CancellationToken cancellationToken)
    {
        foreach (var template in await db.EmailTemplates.Where(t => t.StepId == step.Id).ToListAsync(cancellationToken))
        {
            history.Track(Templates, template, ChangeAction.Deleted);
            db.Remove(template);
        }
    }

    private static async Task<IReadOnlyList<string>> TemplateBlockersAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var template = await db.EmailTemplates.AsNoTracking().Include(t => t.Step)
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return [];
        }

        var missing = await TracksLeftWithoutAsync(db, template.StepId, id, cancellationToken);
        return missing.Length == 0
            ? []
            : [$"Without it, the step “{template.Step!.Name}” would have no wording for people interested in {missing}. "
                + "Add a template for them (or one for every track) first."];
    }

    /// <summary>The tracks a step would have no wording for without this template, in words; "" when none.</summary>
    private static async Task<string> TracksLeftWithoutAsync(PortalDbContext db, int stepId, int templateId,
        CancellationToken cancellationToken)
    {
        var others = await db.EmailTemplates.Where(t => t.StepId == stepId && t.Id != templateId)
            .Select(t => t.Track).ToListAsync(cancellationToken);
        return string.Join(", ", SequenceStep.TracksWithoutTemplate(others).Select(t => EmailTemplate.DescribeTrack(t)));
    }
}
