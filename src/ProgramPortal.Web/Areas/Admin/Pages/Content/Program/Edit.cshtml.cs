using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.Program;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<StudyProgram, EditModel.InputModel>(db, history)
{
    protected override StudyProgram NewItem() =>
        new() { Name = "", ShortName = "", University = "", Format = "", Summary = "", AdmissionNote = "" };

    protected override InputModel ToInput(StudyProgram item) => new()
    {
        Name = item.Name, ShortName = item.ShortName, University = item.University, Format = item.Format,
        MinimumDurationMonths = item.MinimumDurationMonths, Summary = item.Summary,
        Pathways = Lines.Join(item.Pathways), AdmissionNote = item.AdmissionNote,
    };

    protected override void Apply(InputModel input, StudyProgram item)
    {
        item.Name = input.Name;
        item.ShortName = input.ShortName;
        item.University = input.University;
        item.Format = input.Format;
        item.MinimumDurationMonths = input.MinimumDurationMonths;
        item.Summary = input.Summary;
        item.Pathways = Lines.Split(input.Pathways);
        item.AdmissionNote = input.AdmissionNote;
    }

    public sealed record InputModel
    {
        [Required, StringLength(200), Display(Name = "Degree name")]
        public string Name { get; set; } = "";

        [Required, StringLength(20), Display(Name = "Short name", Description = "Such as MS-ITL.")]
        public string ShortName { get; set; } = "";

        [Required, StringLength(200), Display(Name = "University")]
        public string University { get; set; } = "";

        [Required, StringLength(60), Display(Name = "Format", Description = "Such as Online.")]
        public string Format { get; set; } = "";

        [Range(1, 120), Display(Name = "Shortest duration in months")]
        public int MinimumDurationMonths { get; set; }

        [Required, StringLength(1000), DataType(DataType.MultilineText), Display(Name = "Summary", Description = "The introduction at the top of the home page.")]
        public string Summary { get; set; } = "";

        [Lines(10, 100, MinItems = 1), Display(Name = "Specialisation pathways", Description = "One per line.")]
        public string Pathways { get; set; } = "";

        [Required, StringLength(1000), DataType(DataType.MultilineText), Display(Name = "Who the program is for")]
        public string AdmissionNote { get; set; } = "";
    }
}
