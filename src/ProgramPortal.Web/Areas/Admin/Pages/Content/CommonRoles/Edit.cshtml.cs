using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.CommonRoles;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<CommonRole, EditModel.InputModel>(db, history)
{
    protected override CommonRole NewItem() => new() { Title = "" };

    protected override InputModel ToInput(CommonRole item) => new() { Title = item.Title, Leaning = item.Leaning };

    protected override void Apply(InputModel input, CommonRole item)
    {
        item.Title = input.Title;
        item.Leaning = input.Leaning;
    }

    public sealed record InputModel
    {
        [Required, StringLength(120), Display(Name = "Role title")]
        public string Title { get; set; } = "";

        [Display(Name = "Leans towards", Description = "Which field the role belongs to more: IS, IT or Both.")]
        public FieldLeaning Leaning { get; set; }
    }
}
