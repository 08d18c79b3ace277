using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>One line of the IS vs IT comparison chart.</summary>
public class ComparisonRow : IPublicContent
{
    public int Id { get; set; }
    [MaxLength(100)] public required string Category { get; set; }
    public ComparisonRowKind Kind { get; set; }
    [MaxLength(1000)] public string? IsText { get; set; }
    [MaxLength(1000)] public string? ItText { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
