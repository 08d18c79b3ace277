using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

public class FaqItem : IPublicContent
{
    public int Id { get; set; }
    [MaxLength(300)] public required string Question { get; set; }
    [MaxLength(3000)] public required string Answer { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
