using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.CareerRoles;

public class EditModel(PortalDbContext db, ContentHistory history) : ContentEditPage<CareerRole, EditModel.InputModel>(db, history)
{
    private List<Source> _chosenSources = [];

    public IReadOnlyList<SourceChoice> Sources { get; private set; } = [];

    protected override CareerRole NewItem() => new() { Title = "", Description = "" };

    protected override InputModel ToInput(CareerRole item) => new()
    {
        Track = item.Track, Level = item.Level, Title = item.Title, Description = item.Description,
        MedianSalary = item.MedianSalary == 0 ? null : item.MedianSalary,
        SourceIds = [.. item.Sources.Select(s => s.Id)],
    };

    protected override void Apply(InputModel input, CareerRole item)
    {
        item.Track = input.Track;
        item.Level = input.Level;
        item.Title = input.Title;
        item.Description = input.Description;
        item.MedianSalary = input.MedianSalary!.Value;
        item.Sources.RemoveAll(s => !input.SourceIds.Contains(s.Id));
        item.Sources.AddRange(_chosenSources.Where(s => item.Sources.All(existing => existing.Id != s.Id)));
    }

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Sources = await SourceChoice.LoadAsync(Db, cancellationToken);

    protected override async Task ValidateAsync(CancellationToken cancellationToken)
    {
        _chosenSources = await Db.Sources.Where(s => Input.SourceIds.Contains(s.Id)).ToListAsync(cancellationToken);
        if (_chosenSources.Count == 0)
        {
            ModelState.AddModelError("Input.SourceIds", "A median salary must name at least one source.");
        }
    }

    public sealed record InputModel
    {
        [Display(Name = "Field")]
        public TrackCode Track { get; set; }

        [Display(Name = "Career level")]
        public CareerLevel Level { get; set; }

        [Required, StringLength(120), Display(Name = "Job title")]
        public string Title { get; set; } = "";

        [Required, StringLength(600), DataType(DataType.MultilineText), Display(Name = "What the job involves")]
        public string Description { get; set; } = "";

        [Required(ErrorMessage = "Give the median salary."),
         Range(typeof(decimal), "10000", "2000000", ParseLimitsInInvariantCulture = true,
             ErrorMessage = "The median salary must be between $10,000 and $2,000,000 a year."),
         Display(Name = "Median salary (US$ a year)", Description = "In whole dollars, such as 104620 or $104,620. The track's salary range is worked out from these.")]
        public decimal? MedianSalary { get; set; }

        [Display(Name = "Sources of the salary")]
        public List<int> SourceIds { get; set; } = [];
    }
}
