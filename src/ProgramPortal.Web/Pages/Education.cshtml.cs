using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;

namespace ProgramPortal.Pages;

[OutputCache(PolicyName = PublicPageCache.Policy)]
public class EducationModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<TrackEducation> Tracks { get; private set; } = [];
    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new TrackEducation(t.Code, t.Name,
                db.EducationPaths.Where(p => p.Track == t.Code).OrderBy(p => p.SortOrder)
                    .Select(p => new StageView(p.Stage, p.Options, p.Note)).ToList()))
            .ToListAsync(cancellationToken);

        Questions = await db.PathQuestions.AsNoTracking().OrderBy(q => q.SortOrder)
            .Select(q => new QuestionView(q.Topic, q.Guidance))
            .ToListAsync(cancellationToken);
    }

    public sealed record TrackEducation(TrackCode Code, string Name, List<StageView> Stages);

    public sealed record StageView(EducationStage Stage, List<string> Options, string? Note)
    {
        public string Heading => Stage switch
        {
            EducationStage.Bachelors => "Bachelor's degree",
            EducationStage.Masters => "Master's degree",
            _ => "Certifications",
        };
    }

    public sealed record QuestionView(string Topic, string Guidance);
}
