using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.Collaboration;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<CollaborationExample, EditModel.InputModel>(db, history)
{
    protected override CollaborationExample NewItem() => new() { Title = "", Scenario = "" };

    protected override InputModel ToInput(CollaborationExample item) => new()
    {
        Title = item.Title,
        Scenario = item.Scenario,
        ItContributions = Lines.Join(item.ItContributions),
        IsContributions = Lines.Join(item.IsContributions),
    };

    protected override void Apply(InputModel input, CollaborationExample item)
    {
        item.Title = input.Title;
        item.Scenario = input.Scenario;
        item.ItContributions = Lines.Split(input.ItContributions);
        item.IsContributions = Lines.Split(input.IsContributions);
    }

    public sealed record InputModel
    {
        [Required, StringLength(200), Display(Name = "Title")]
        public string Title { get; set; } = "";

        [Required, StringLength(1000), DataType(DataType.MultilineText), Display(Name = "Scenario")]
        public string Scenario { get; set; } = "";

        [Lines(20, 200, MinItems = 1), Display(Name = "What IT contributes", Description = "One item per line.")]
        public string ItContributions { get; set; } = "";

        [Lines(20, 200, MinItems = 1), Display(Name = "What IS contributes", Description = "One item per line.")]
        public string IsContributions { get; set; } = "";
    }
}
