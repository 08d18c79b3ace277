using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.Faq;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<FaqItem, EditModel.InputModel>(db, history)
{
    protected override FaqItem NewItem() => new() { Question = "", Answer = "" };

    protected override InputModel ToInput(FaqItem item) => new() { Question = item.Question, Answer = item.Answer };

    protected override void Apply(InputModel input, FaqItem item)
    {
        item.Question = input.Question;
        item.Answer = input.Answer;
    }

    public sealed record InputModel
    {
        [Required, StringLength(300), Display(Name = "Question")]
        public string Question { get; set; } = "";

        [Required, StringLength(3000), DataType(DataType.MultilineText), Display(Name = "Answer", Description = "Plain text; line breaks are kept.")]
        public string Answer { get; set; } = "";
    }
}
