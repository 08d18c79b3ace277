using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Content;

public class CareerRole : IPublicContent
{
    public int Id { get; set; }
    public TrackCode Track { get; set; }
    public CareerLevel Level { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public decimal MedianSalary { get; set; }
    public int SortOrder { get; set; }

    [Timestamp]
    public uint Version { get; set; }

    /// <summary>The publications the median salary was taken from.</summary>
    public List<Source> Sources { get; set; } = [];
}

internal sealed class CareerRoleConfiguration : IEntityTypeConfiguration<CareerRole>
{
    public void Configure(EntityTypeBuilder<CareerRole> role)
    {
        role.Property(r => r.Title).HasMaxLength(120);
        role.Property(r => r.Description).HasMaxLength(600);
        role.Property(r => r.MedianSalary).HasPrecision(12, 2);
        role.HasIndex(r => new { r.Track, r.Level, r.SortOrder });
        // Restrict: a source cannot disappear while a salary figure still cites it.
        role.HasMany(r => r.Sources).WithMany(s => s.CareerRoles)
            .UsingEntity<Dictionary<string, object>>(
                "career_role_source",
                j => j.HasOne<Source>().WithMany().HasForeignKey("source_id").OnDelete(DeleteBehavior.Restrict),
                j => j.HasOne<CareerRole>().WithMany().HasForeignKey("career_role_id").OnDelete(DeleteBehavior.Cascade));
    }
}
