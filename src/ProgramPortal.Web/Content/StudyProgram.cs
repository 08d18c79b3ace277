using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>The degree the portal promotes; there is one row.</summary>
public class StudyProgram : IPublicContent
{
    public int Id { get; set; }
    [MaxLength(200)] public required string Name { get; set; }
    [MaxLength(20)] public required string ShortName { get; set; }
    [MaxLength(200)] public required string University { get; set; }
    [MaxLength(60)] public required string Format { get; set; }
    public int MinimumDurationMonths { get; set; }
    [MaxLength(1000)] public required string Summary { get; set; }
    public List<string> Pathways { get; set; } = [];
    [MaxLength(1000)] public required string AdmissionNote { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
