using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>A worked example of IS and IT people delivering one project together.</summary>
public class CollaborationExample : IPublicContent
{
    public int Id { get; set; }
    [MaxLength(200)] public required string Title { get; set; }
    [MaxLength(1000)] public required string Scenario { get; set; }
    public List<string> ItContributions { get; set; } = [];
    public List<string> IsContributions { get; set; } = [];

    [Timestamp]
    public uint Version { get; set; }
}
