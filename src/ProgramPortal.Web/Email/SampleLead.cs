using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>
/// The made-up person the admin area previews templates for; never saved. Their message holds
/// characters HTML must encode, so the preview shows that values arrive as text.
/// </summary>
public static class SampleLead
{
    public static Lead For(TrackInterest track, DateTimeOffset now)
    {
        var startTerm = StartTerms.Offered(now)[1];
        return new Lead
        {
            Id = 1234,
            FirstName = "Maria",
            LastName = "Santos",
            Email = "maria.santos@example.com",
            NormalizedEmail = "maria.santos@example.com",
            Phone = "+1 (619) 555-0142",
            CountryCode = "US",
            Track = track,
            StartTerm = startTerm,
            YearsOfExperience = 6,
            ConsentVersion = "sample",
            CreatedAt = now,
            LastInquiryAt = now,
            Inquiries =
            [
                new Inquiry
                {
                    SubmittedAt = now,
                    FirstName = "Maria", LastName = "Santos", Email = "maria.santos@example.com",
                    NormalizedEmail = "maria.santos@example.com", CountryCode = "US", Track = track,
                    StartTerm = startTerm, YearsOfExperience = 6,
                    Message = "Can I keep my full-time job while I study? I'd like to hear about <evening> classes & fees.",
                    ConsentVersion = "sample", ConsentText = "sample",
                    UtmSource = "newsletter", UtmMedium = "email", UtmCampaign = "fall-open-house",
                    Referrer = "https://www.example.com/blog/it-careers",
                },
            ],
        };
    }
}
