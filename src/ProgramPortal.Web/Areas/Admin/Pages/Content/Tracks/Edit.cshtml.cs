using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.Tracks;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<TrackProfile, EditModel.InputModel>(db, history)
{
    protected override TrackProfile NewItem() => new() { Name = "", Purpose = "", Example = "" };

    protected override InputModel ToInput(TrackProfile item) => new()
    {
        Name = item.Name, Purpose = item.Purpose,
        CoreComponents = Lines.Join(item.CoreComponents), CoreAreas = Lines.Join(item.CoreAreas),
        GrowthAreas = Lines.Join(item.GrowthAreas), Responsibilities = Lines.Join(item.Responsibilities),
        Example = item.Example,
    };

    protected override void Apply(InputModel input, TrackProfile item)
    {
        item.Name = input.Name;
        item.Purpose = input.Purpose;
        item.CoreComponents = Lines.Split(input.CoreComponents);
        item.CoreAreas = Lines.Split(input.CoreAreas);
        item.GrowthAreas = Lines.Split(input.GrowthAreas);
        item.Responsibilities = Lines.Split(input.Responsibilities);
        item.Example = input.Example;
    }

    public sealed record InputModel
    {
        [Required, StringLength(100), Display(Name = "Name of the field")]
        public string Name { get; set; } = "";

        [Required, StringLength(500), DataType(DataType.MultilineText), Display(Name = "Purpose", Description = "One or two sentences on what the field is for.")]
        public string Purpose { get; set; } = "";

        [Lines(15, 100, MinItems = 1), Display(Name = "Core components", Description = "One per line.")]
        public string CoreComponents { get; set; } = "";

        [Lines(15, 100), Display(Name = "Core areas of work", Description = "One per line; may be left empty.")]
        public string CoreAreas { get; set; } = "";

        [Lines(15, 100), Display(Name = "Growth areas", Description = "One per line; may be left empty.")]
        public string GrowthAreas { get; set; } = "";

        [Lines(15, 200, MinItems = 1), Display(Name = "Responsibilities", Description = "One per line.")]
        public string Responsibilities { get; set; } = "";

        [Required, StringLength(1000), DataType(DataType.MultilineText), Display(Name = "Example")]
        public string Example { get; set; } = "";
    }
}
