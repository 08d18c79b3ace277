using System.ComponentModel.DataAnnotations;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content.Sources;

public class EditModel(PortalDbContext db, ContentHistory history, TimeProvider clock) : ContentEditPage<Source, EditModel.InputModel>(db, history)
{
    protected override Source NewItem() => new() { Name = "", Publisher = "", UsedFor = "" };

    protected override InputModel ToInput(Source item) => new()
    {
        Name = item.Name, Publisher = item.Publisher, Url = item.Url,
        RetrievedOn = item.RetrievedOn == default ? null : item.RetrievedOn, UsedFor = item.UsedFor,
    };

    protected override void Apply(InputModel input, Source item)
    {
        item.Name = input.Name;
        item.Publisher = input.Publisher;
        item.Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        item.RetrievedOn = input.RetrievedOn!.Value;
        item.UsedFor = input.UsedFor;
    }

    protected override Task ValidateAsync(CancellationToken cancellationToken)
    {
        if (Input.RetrievedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError("Input.RetrievedOn", "The retrieval date cannot be in the future.");
        }

        // Public pages link to this address: only web links, never javascript: or data: URLs.
        if (!string.IsNullOrWhiteSpace(Input.Url)
            && !(Uri.TryCreate(Input.Url.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            ModelState.AddModelError("Input.Url", "The web address must start with https:// or http://.");
        }

        return Task.CompletedTask;
    }

    public sealed record InputModel
    {
        [Required, StringLength(200), Display(Name = "Publisher", Description = "Who published it, such as the U.S. Bureau of Labor Statistics.")]
        public string Publisher { get; set; } = "";

        [Required, StringLength(200), Display(Name = "Title of the publication")]
        public string Name { get; set; } = "";

        [StringLength(500), DataType(DataType.Url), Display(Name = "Web address (optional)")]
        public string? Url { get; set; }

        [Required(ErrorMessage = "Give the date you took the figures from this source."), Display(Name = "Retrieved on", Description = "The day the figures were taken from it. Sources older than the dashboard's limit are flagged.")]
        public DateOnly? RetrievedOn { get; set; }

        [Required, StringLength(300), Display(Name = "Used for", Description = "Which figures on the site come from it.")]
        public string UsedFor { get; set; } = "";
    }
}
