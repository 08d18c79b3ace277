using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ProgramPortal.Data;
using ProgramPortal.Leads;

namespace ProgramPortal.Pages.RequestInfo;

// Antiforgery is checked in OnPostAsync rather than by the filter: a stale token then re-shows the
// form with everything the person typed, instead of a bare 400 that loses it.
[IgnoreAntiforgeryToken]
[EnableRateLimiting(LeadsExtensions.FormRateLimitPolicy)]
[RequestFormLimits(ValueCountLimit = 64, ValueLengthLimit = 16 * 1024)]
public class IndexModel(LeadIntake intake, FormGuard guard, IAntiforgery antiforgery, TimeProvider clock,
    ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool FormExpired { get; private set; }
    public bool NotStored { get; private set; }
    public IReadOnlyList<string> StartTermOptions { get; private set; } = [];
    public static IReadOnlyList<Country> CountryOptions => Countries.All;

    public void OnGet(
        [FromQuery(Name = "utm_source")] string? utmSource,
        [FromQuery(Name = "utm_medium")] string? utmMedium,
        [FromQuery(Name = "utm_campaign")] string? utmCampaign)
    {
        Input = new InputModel
        {
            UtmSource = LeadInputRules.CleanTracking(utmSource, LeadLimits.Tracking),
            UtmMedium = LeadInputRules.CleanTracking(utmMedium, LeadLimits.Tracking),
            UtmCampaign = LeadInputRules.CleanTracking(utmCampaign, LeadLimits.Tracking),
            Referrer = LeadInputRules.CleanReferrer(Request.Headers.Referer),
            FormToken = guard.Issue(),
        };
        LoadChoices();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        LoadChoices();
        if (!await HasValidAntiforgeryTokenAsync())
        {
            FormExpired = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Input.StartTerm is not null && !StartTermOptions.Contains(Input.StartTerm))
        {
            ModelState.AddModelError("Input.StartTerm", "Choose a start term from the list.");
        }

        if (Input.CountryCode is not null && !Countries.IsKnown(Input.CountryCode))
        {
            ModelState.AddModelError("Input.CountryCode", "Choose your country from the list.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await intake.SubmitAsync(Input.ToInquiry(guard.Check(Input.FormToken, Input.Website)), cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.IsCause(e))
        {
            // Nothing was stored, and the person must know it: the form comes back with what they
            // typed and the same form token, so sending it again later is still stored only once.
            logger.LogWarning(e, "A request for information could not be stored: the database is unavailable");
            NotStored = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        return RedirectToPage("Thanks");
    }

    private async Task<bool> HasValidAntiforgeryTokenAsync()
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            // The body could not be read as a form at all (a NUL byte, a value over the limit).
            return false;
        }
    }

    /// <summary>The first error for a field, shown beside it and in the summary.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"Input.{field}", out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage is { Length: > 0 } message ? message : "Check this value."
            : null;

    /// <summary>The errors in form order, each with the id of the control it belongs to.</summary>
    public IEnumerable<(string Id, string Message)> Errors() =>
        InputModel.FieldOrder.Select(field => (Id: FieldId(field), Message: ErrorFor(field))).Where(e => e.Message is not null)!;

    public static string FieldId(string field) => field == nameof(InputModel.Track) ? "track-is" : $"Input_{field}";

    private void LoadChoices() => StartTermOptions = StartTerms.Offered(clock.GetUtcNow());

    public sealed record InputModel
    {
        public static readonly string[] FieldOrder =
        [
            nameof(FirstName), nameof(LastName), nameof(Email), nameof(Phone), nameof(CountryCode), nameof(Track),
            nameof(StartTerm), nameof(YearsOfExperience), nameof(Message), nameof(Consent),
        ];

        [Required(ErrorMessage = "Enter your first name.")]
        [StringLength(LeadLimits.Name, ErrorMessage = "Your first name can be at most {1} characters.")]
        [PersonName(ErrorMessage = "Use letters, spaces, apostrophes, hyphens, dashes or full stops in your first name.")]
        public string? FirstName { get; set; }

        [Required(ErrorMessage = "Enter your last name.")]
        [StringLength(LeadLimits.Name, ErrorMessage = "Your last name can be at most {1} characters.")]
        [PersonName(ErrorMessage = "Use letters, spaces, apostrophes, hyphens, dashes or full stops in your last name.")]
        public string? LastName { get; set; }

        [Required(ErrorMessage = "Enter your email address.")]
        [StringLength(LeadLimits.Email, ErrorMessage = "Your email address can be at most {1} characters.")]
        [Mailbox(ErrorMessage = "Enter an email address like name@example.com.")]
        public string? Email { get; set; }

        [StringLength(LeadLimits.Phone, ErrorMessage = "Your phone number can be at most {1} characters.")]
        [PhoneNumber(ErrorMessage = "Enter a phone number using digits, spaces, brackets, hyphens and an optional leading +.")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Choose your country.")]
        public string? CountryCode { get; set; }

        [Required(ErrorMessage = "Choose the area that interests you, or \"Not decided yet\".")]
        // Kept as text and matched exactly: enum binding would take "IS,IT" or "1" as a value.
        [AllowedValues(nameof(TrackInterest.IS), nameof(TrackInterest.IT), nameof(TrackInterest.Undecided),
            ErrorMessage = "Choose one of the areas listed.")]
        public string? Track { get; set; }

        [Required(ErrorMessage = "Choose when you would like to start.")]
        public string? StartTerm { get; set; }

        [Required(ErrorMessage = "Enter your years of IT experience, as a whole number (0 if none).")]
        // Text matched to plain digits 0 to 60: number binding would also take "0x10" or other
        // scripts' digits, and [Range] on text throws on an overflowing number.
        [RegularExpression("^([0-9]|[1-5][0-9]|60)$", ErrorMessage = "Enter a whole number of years from 0 to 60, like 4.")]
        public string? YearsOfExperience { get; set; }

        [StringLength(LeadLimits.Message, ErrorMessage = "Your message can be at most {1} characters.")]
        [PlainText(allowLineBreaks: true, ErrorMessage = "Your message contains characters we cannot accept.")]
        public string? Message { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to agree, so we may email you the information.")]
        public bool Consent { get; set; }

        public string? UtmSource { get; set; }
        public string? UtmMedium { get; set; }
        public string? UtmCampaign { get; set; }
        public string? Referrer { get; set; }
        public string? FormToken { get; set; }
        /// <summary>The honeypot: hidden from people, so only a bot fills it in.</summary>
        public string? Website { get; set; }

        public Inquiry ToInquiry(FormVerdict verdict) => new()
        {
            FormId = verdict.FormId,
            SpamReason = verdict.SpamReason,
            FirstName = LeadInputRules.Tidy(FirstName)!,
            LastName = LeadInputRules.Tidy(LastName)!,
            Email = Email!.Trim(),
            NormalizedEmail = LeadInputRules.NormalizeEmail(Email),
            Phone = LeadInputRules.Tidy(Phone),
            CountryCode = CountryCode!,
            Track = Enum.Parse<TrackInterest>(Track!),
            StartTerm = StartTerm!,
            YearsOfExperience = int.Parse(YearsOfExperience!, CultureInfo.InvariantCulture),
            Message = LeadInputRules.Tidy(Message),
            ConsentVersion = ConsentStatement.Version,
            ConsentText = ConsentStatement.Text,
            UtmSource = LeadInputRules.CleanTracking(UtmSource, LeadLimits.Tracking),
            UtmMedium = LeadInputRules.CleanTracking(UtmMedium, LeadLimits.Tracking),
            UtmCampaign = LeadInputRules.CleanTracking(UtmCampaign, LeadLimits.Tracking),
            Referrer = LeadInputRules.CleanReferrer(Referrer),
        };
    }
}
