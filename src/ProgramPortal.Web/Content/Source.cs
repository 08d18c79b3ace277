using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Content;

/// <summary>A dated publication that salary figures and statistics rely on.</summary>
public class Source : IPublicContent
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Publisher { get; set; }
    public string? Url { get; set; }
    public DateOnly RetrievedOn { get; set; }
    public required string UsedFor { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    public List<CareerRole> CareerRoles { get; set; } = [];
    public List<Statistic> Statistics { get; set; } = [];
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> source)
    {
        source.Property(s => s.Name).HasMaxLength(200);
        source.Property(s => s.Publisher).HasMaxLength(200);
        source.Property(s => s.Url).HasMaxLength(500);
        source.Property(s => s.UsedFor).HasMaxLength(300);
    }
}
