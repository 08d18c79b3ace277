using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

public enum EmailAudience
{
    /// <summary>Goes to the prospective student; carries an unsubscribe link and stops when they unsubscribe.</summary>
    Lead,
    /// <summary>Goes to the admissions inbox about the lead.</summary>
    Admissions,
}

/// <summary>
/// One email of the follow-up sequence a new lead gets, sent <see cref="Delay"/> after they submit.
/// Staff edit steps and templates in the database; a change applies to emails not yet sent.
/// </summary>
public class SequenceStep
{
    public int Id { get; set; }
    /// <summary>A stable name for code and tests ("confirmation"); staff edit <see cref="Name"/>.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public EmailAudience Audience { get; set; }
    public TimeSpan Delay { get; set; }
    public int Position { get; set; }

    public List<EmailTemplate> Templates { get; set; } = [];

    [Timestamp]
    public uint Version { get; set; }

    /// <summary>The template written for the lead's track, else the one for every track.</summary>
    public EmailTemplate TemplateFor(TrackInterest track) =>
        Templates.FirstOrDefault(t => t.Track == track)
        ?? Templates.FirstOrDefault(t => t.Track is null)
        ?? throw new InvalidOperationException($"Sequence step '{Key}' has no template for {track} and no default one.");

    /// <summary>"the lead" or "the admissions inbox": who a step's emails go to, as staff read it.</summary>
    public static string DescribeAudience(EmailAudience audience) =>
        audience == EmailAudience.Lead ? "the lead" : "the admissions inbox";

    /// <summary>"sent at once", "2 days after the request": the delay as staff read it.</summary>
    public static string DescribeDelay(TimeSpan delay) => delay.TotalDays switch
    {
        0 => "sent at once",
        1 => "1 day after the request",
        var days => $"{days:0.##} days after the request",
    };

    /// <summary>
    /// The tracks a step with templates for these tracks could not write to (see <see cref="TemplateFor"/>):
    /// none when one of them is for every track (null).
    /// </summary>
    public static IReadOnlyList<TrackInterest> TracksWithoutTemplate(IEnumerable<TrackInterest?> templateTracks)
    {
        var tracks = templateTracks.ToList();
        return tracks.Contains(null) ? [] : [.. Enum.GetValues<TrackInterest>().Where(t => !tracks.Contains(t))];
    }
}

/// <summary>
/// The wording of a step, for one track of interest or (Track null) for all. Subject and bodies
/// may use placeholders such as {{first_name}}; see <see cref="LeadMailComposer"/>.
/// </summary>
public class EmailTemplate
{
    public int Id { get; set; }
    public int StepId { get; set; }
    public SequenceStep? Step { get; set; }
    public TrackInterest? Track { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    public static string DescribeTrack(TrackInterest? track) => track?.Describe() ?? "Every track (unless one has its own)";
}

internal sealed class SequenceStepConfiguration : IEntityTypeConfiguration<SequenceStep>
{
    public void Configure(EntityTypeBuilder<SequenceStep> step)
    {
        step.HasIndex(s => s.Key).IsUnique();
        step.Property(s => s.Key).HasMaxLength(50);
        step.Property(s => s.Name).HasMaxLength(200);
        step.HasMany(s => s.Templates).WithOne(t => t.Step).HasForeignKey(t => t.StepId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> template)
    {
        // One template per step and track, with "every track" (null) counted as a value of its own.
        template.HasIndex(t => new { t.StepId, t.Track }).IsUnique().AreNullsDistinct(false);
        template.Property(t => t.Subject).HasMaxLength(300);
    }
}
