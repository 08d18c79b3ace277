using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.ComparisonRows;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<ComparisonRow, EditModel.InputModel>(db, history)
{
    protected override ComparisonRow NewItem() => new() { Category = "" };

    protected override InputModel ToInput(ComparisonRow item) => new()
    {
        Category = item.Category, Kind = item.Kind, IsText = item.IsText, ItText = item.ItText,
    };

    protected override void Apply(InputModel input, ComparisonRow item)
    {
        item.Category = input.Category;
        item.Kind = input.Kind;
        // A salary-range row is computed from the roles; text typed into it would never be shown.
        item.IsText = input.Kind == ComparisonRowKind.Text ? input.IsText : null;
        item.ItText = input.Kind == ComparisonRowKind.Text ? input.ItText : null;
    }

    protected override Task ValidateAsync(CancellationToken cancellationToken)
    {
        if (Input.Kind == ComparisonRowKind.Text && (string.IsNullOrWhiteSpace(Input.IsText) || string.IsNullOrWhiteSpace(Input.ItText)))
        {
            ModelState.AddModelError("Input.IsText", "A text row needs both the IS and the IT column.");
        }

        return Task.CompletedTask;
    }

    public sealed record InputModel
    {
        [Required, StringLength(100), Display(Name = "Category", Description = "The row heading, such as “Primary focus”.")]
        public string Category { get; set; } = "";

        [Display(Name = "Kind of row", Description = "Text: you write both columns. SalaryRange: both columns are filled in from the career roles' median salaries.")]
        public ComparisonRowKind Kind { get; set; }

        [StringLength(1000), DataType(DataType.MultilineText), Display(Name = "Information Systems (IS) column")]
        public string? IsText { get; set; }

        [StringLength(1000), DataType(DataType.MultilineText), Display(Name = "Information Technology (IT) column")]
        public string? ItText { get; set; }
    }
}
