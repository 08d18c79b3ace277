using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Content;

/// <summary>A headline figure such as "317,700 openings a year", always tied to one dated source.</summary>
public class Statistic : IPublicContent
{
    public int Id { get; set; }
    public required string Label { get; set; }
    public decimal Value { get; set; }
    public StatisticUnit Unit { get; set; }
    public required string Period { get; set; }
    public int SourceId { get; set; }
    public Source? Source { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    public string DisplayValue => Format(Value, Unit);

    public static string Format(decimal value, StatisticUnit unit) => unit switch
    {
        StatisticUnit.Percent => value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };
}

internal sealed class StatisticConfiguration : IEntityTypeConfiguration<Statistic>
{
    public void Configure(EntityTypeBuilder<Statistic> statistic)
    {
        statistic.Property(s => s.Label).HasMaxLength(200);
        statistic.Property(s => s.Period).HasMaxLength(100);
        statistic.Property(s => s.Value).HasPrecision(14, 2);
        statistic.HasOne(s => s.Source).WithMany(s => s.Statistics).OnDelete(DeleteBehavior.Restrict);
    }
}
