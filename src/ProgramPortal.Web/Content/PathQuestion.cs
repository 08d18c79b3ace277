using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>One of the questions that help a reader choose between IS and IT.</summary>
public class PathQuestion : IPublicContent
{
    public int Id { get; set; }
    [MaxLength(100)] public required string Topic { get; set; }
    [MaxLength(1000)] public required string Guidance { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
