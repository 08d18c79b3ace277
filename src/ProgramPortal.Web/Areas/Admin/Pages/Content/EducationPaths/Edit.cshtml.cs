using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.EducationPaths;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<EducationPath, EditModel.InputModel>(db, history)
{
    protected override EducationPath NewItem() => new();

    protected override InputModel ToInput(EducationPath item) => new()
    {
        Track = item.Track, Stage = item.Stage, Options = Lines.Join(item.Options), Note = item.Note,
    };

    protected override void Apply(InputModel input, EducationPath item)
    {
        item.Track = input.Track;
        item.Stage = input.Stage;
        item.Options = Lines.Split(input.Options);
        item.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note;
    }

    public sealed record InputModel
    {
        [Display(Name = "Field")]
        public TrackCode Track { get; set; }

        [Display(Name = "Stage of study")]
        public EducationStage Stage { get; set; }

        [Lines(20, 200, MinItems = 1), Display(Name = "Options", Description = "Degrees or certifications, one per line.")]
        public string Options { get; set; } = "";

        [StringLength(600), DataType(DataType.MultilineText), Display(Name = "Note (optional)")]
        public string? Note { get; set; }
    }
}
