using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.PathQuestions;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<PathQuestion, EditModel.InputModel>(db, history)
{
    protected override PathQuestion NewItem() => new() { Topic = "", Guidance = "" };

    protected override InputModel ToInput(PathQuestion item) => new() { Topic = item.Topic, Guidance = item.Guidance };

    protected override void Apply(InputModel input, PathQuestion item)
    {
        item.Topic = input.Topic;
        item.Guidance = input.Guidance;
    }

    public sealed record InputModel
    {
        [Required, StringLength(100), Display(Name = "Topic", Description = "A short heading, such as “Career interests”.")]
        public string Topic { get; set; } = "";

        [Required, StringLength(1000), DataType(DataType.MultilineText), Display(Name = "Guidance", Description = "The question to ask yourself and how to read the answer.")]
        public string Guidance { get; set; } = "";
    }
}
