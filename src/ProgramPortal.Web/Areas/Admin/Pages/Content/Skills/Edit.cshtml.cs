using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.Skills;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<SharedSkill, EditModel.InputModel>(db, history)
{
    protected override SharedSkill NewItem() => new() { Name = "", Description = "" };

    protected override InputModel ToInput(SharedSkill item) => new() { Name = item.Name, Description = item.Description };

    protected override void Apply(InputModel input, SharedSkill item)
    {
        item.Name = input.Name;
        item.Description = input.Description;
    }

    public sealed record InputModel
    {
        [Required, StringLength(150), Display(Name = "Skill")]
        public string Name { get; set; } = "";

        [Required, StringLength(600), DataType(DataType.MultilineText), Display(Name = "Description")]
        public string Description { get; set; } = "";
    }
}
