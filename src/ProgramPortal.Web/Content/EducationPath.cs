using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>One stage of study (bachelor's, master's, certifications) for one field.</summary>
public class EducationPath : IPublicContent
{
    public int Id { get; set; }
    public TrackCode Track { get; set; }
    public EducationStage Stage { get; set; }
    public List<string> Options { get; set; } = [];
    [MaxLength(600)] public string? Note { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
