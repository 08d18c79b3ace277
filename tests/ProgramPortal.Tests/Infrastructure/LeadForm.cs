using System.Net;
using System.Text.RegularExpressions;
using ProgramPortal.Leads;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>The request-information form as a client without a browser fills it in: its hidden fields, a valid submission, the post.</summary>
public static partial class LeadForm
{
    public const string ThanksPath = "/request-info/thanks";

    /// <summary>A complete, valid submission; tests override single fields.</summary>
    public static Dictionary<string, string> Valid(string email, DateTimeOffset now, string track = "IT") => new()
    {
        ["Input.FirstName"] = "Ada",
        ["Input.LastName"] = "Lovelace",
        ["Input.Email"] = email,
        ["Input.Phone"] = "+1 (619) 555-0100",
        ["Input.CountryCode"] = "US",
        ["Input.Track"] = track,
        ["Input.StartTerm"] = StartTerms.Offered(now)[0],
        ["Input.YearsOfExperience"] = "4",
        ["Input.Message"] = "Is the program fully online?",
        ["Input.Consent"] = "true",
    };

    /// <summary>Opens the form like a browser: its hidden fields (the form token, the antiforgery token) and, through the client, its cookie.</summary>
    public static async Task<Dictionary<string, string>> OpenAsync(HttpClient browser, string formPath = "/request-info")
    {
        var html = await browser.GetStringAsync(formPath);
        var inputs = new Dictionary<string, string>();
        foreach (Match input in HiddenInputs().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value)
                .ToDictionary(a => a.Groups["attribute"].Value, a => WebUtility.HtmlDecode(a.Groups["text"].Value));
            if (attributes.TryGetValue("name", out var name))
            {
                inputs[name] = attributes.GetValueOrDefault("value", "");
            }
        }

        return inputs;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, Dictionary<string, string> hidden,
        Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(hidden);
        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        return browser.PostAsync("/request-info", new FormUrlEncodedContent(all));
    }

    /// <summary>What a person takes as "sent": the redirect to the thank-you page.</summary>
    public static bool IsAcknowledged(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == ThanksPath;

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*>""")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex(@"\s(?<attribute>name|value)=""(?<text>[^""]*)""")]
    private static partial Regex Attribute();
}
