using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.Statistics;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<Statistic, EditModel.InputModel>(db, history)
{
    public IReadOnlyList<SelectListItem> Sources { get; private set; } = [];

    protected override Statistic NewItem() => new() { Label = "", Period = "" };

    protected override InputModel ToInput(Statistic item) => new()
    {
        Label = item.Label, Value = item.Value, Unit = item.Unit, Period = item.Period,
        SourceId = item.SourceId == 0 ? null : item.SourceId,
    };

    protected override void Apply(InputModel input, Statistic item)
    {
        item.Label = input.Label;
        item.Value = input.Value!.Value;
        item.Unit = input.Unit;
        item.Period = input.Period;
        item.SourceId = input.SourceId!.Value;
    }

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Sources = [.. (await SourceChoice.LoadAsync(Db, cancellationToken))
            .Select(s => new SelectListItem($"{s.Title} (retrieved {s.RetrievedOn:yyyy-MM-dd})", s.Id.ToString()))];

    protected override async Task ValidateAsync(CancellationToken cancellationToken)
    {
        if (await Db.Sources.FindAsync([Input.SourceId], cancellationToken) is null)
        {
            ModelState.AddModelError("Input.SourceId", "Choose the source this figure comes from.");
        }

        if (Input.Unit == StatisticUnit.Percent && Input.Value > 1000)
        {
            ModelState.AddModelError("Input.Value", "A percentage above 1000% is surely a typing mistake.");
        }
    }

    public sealed record InputModel
    {
        [Required, StringLength(200), Display(Name = "Label", Description = "What the number counts, such as “Projected job growth for …”.")]
        public string Label { get; set; } = "";

        [Required(ErrorMessage = "Give the figure."), Range(0, 1_000_000_000), Display(Name = "Figure", Description = "The number alone, such as 317700, 317,700 or 15.")]
        public decimal? Value { get; set; }

        [Display(Name = "Unit", Description = "Count shows 317,700; Percent shows 15%.")]
        public StatisticUnit Unit { get; set; }

        [Required, StringLength(100), Display(Name = "Period", Description = "Such as “Through 2033”.")]
        public string Period { get; set; } = "";

        [Required(ErrorMessage = "Choose the source this figure comes from."), Display(Name = "Source")]
        public int? SourceId { get; set; }
    }
}
