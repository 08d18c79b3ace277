using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>A role found in both fields, with the field it leans towards.</summary>
public class CommonRole : IPublicContent
{
    public int Id { get; set; }
    [MaxLength(120)] public required string Title { get; set; }
    public FieldLeaning Leaning { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
