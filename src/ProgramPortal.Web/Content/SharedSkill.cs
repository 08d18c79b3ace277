using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>A skill that both IS and IT professionals need.</summary>
public class SharedSkill : IPublicContent
{
    public int Id { get; set; }
    [MaxLength(150)] public required string Name { get; set; }
    [MaxLength(600)] public required string Description { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
