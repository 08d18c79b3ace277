using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Content;

/// <summary>What one of the two fields (IS or IT) is about.</summary>
public class TrackProfile : IPublicContent
{
    public int Id { get; set; }
    public TrackCode Code { get; set; }
    [MaxLength(100)] public required string Name { get; set; }
    [MaxLength(500)] public required string Purpose { get; set; }
    public List<string> CoreComponents { get; set; } = [];
    /// <summary>The field's main areas of work (IT names four; IS may leave it empty).</summary>
    public List<string> CoreAreas { get; set; } = [];
    public List<string> GrowthAreas { get; set; } = [];
    public List<string> Responsibilities { get; set; } = [];
    [MaxLength(1000)] public required string Example { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}
