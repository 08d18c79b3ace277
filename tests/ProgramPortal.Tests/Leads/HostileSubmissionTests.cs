using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Leads;

public class HostileSubmissionTests(LeadApp app, ITestOutputHelper output) : IClassFixture<LeadApp>
{
    private const string ValidEmail = "hostile-base@example.com";

    [Fact]
    public async Task A_thousand_hostile_or_malformed_submissions_give_no_server_error_and_store_nothing()
    {
        var cases = HostileCases().ToList();
        Assert.True(cases.Count >= 1000, $"only {cases.Count} cases");

        var browser = app.NewBrowser(followRedirects: false);
        var hidden = await app.OpenFormAsync(browser);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var (name, mutate) in cases)
        {
            var fields = new Dictionary<string, string?>(hidden.Select(h => KeyValuePair.Create(h.Key, (string?)h.Value)));
            foreach (var (key, value) in app.ValidForm(ValidEmail))
            {
                fields[key] = value;
            }

            mutate(fields);
            using var response = await browser.PostAsync("/request-info", Encode(fields));
            Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                $"{name} was not refused: {(int)response.StatusCode} {response.Headers.Location}");
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }

        output.WriteLine($"{cases.Count} hostile submissions: {string.Join(", ", statuses.Select(s => $"{(int)s.Key} x{s.Value}"))}");
        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.Inquiries.CountAsync());
        Assert.Equal(0, await db.Leads.CountAsync());
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 900, string.Join(", ", statuses));

        // The same session still works for a real person afterwards, and stores exactly once.
        for (var i = 0; i < 20; i++)
        {
            using var valid = await app.SubmitLeadAsync(app.ValidForm($"after-the-storm{i}@example.com"), browser);
            Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        }

        Assert.Equal(20, await db.Inquiries.CountAsync());
        Assert.Equal(20, await db.Leads.CountAsync());
    }

    private static FormUrlEncodedContent Encode(Dictionary<string, string?> fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!)));

    private static readonly string[] NameFields = ["Input.FirstName", "Input.LastName"];

    private static readonly string[] ControlCharacters = ["\0", "\u0001", "\u0007", "\b", "\u001b[31m", "\u007f", "\u0085", "\u009b", "\r\n", "\t"];

    // Invisible characters that change how a name displays or compares; no real name holds one.
    private static readonly string[] FormatCharacters = ["\u200B", "\u200D", "\u200E", "\u202E", "\u2066", "\uFEFF", "\u00AD"];

    private static readonly string[] Markup =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
        "<iframe src=//evil.example>", "{{7*7}}", "${7*7}", "<!--", "]]>", "&lt;script&gt;",
    ];

    private static readonly string[] Sql =
    [
        "'; DROP TABLE leads; --", "Robert'); DROP TABLE inquiries;--", "1 OR 1=1", "' OR '1'='1", "admin'--",
        "1; SELECT pg_sleep(10)", "' UNION SELECT password_hash FROM asp_net_users --", "%27%20OR%201%3D1", "\\'; --", "0x27",
    ];

    private static IEnumerable<(string Name, Action<Dictionary<string, string?>> Mutate)> HostileCases()
    {
        // Inside the text: leading and trailing white space (tabs, line breaks) is trimmed, not refused.
        var wrappings = new Func<string, string>[] { p => p, p => "Ana" + p + "Lee", p => "Ana " + p + " Lee", p => "A" + p + "na" };

        foreach (var field in NameFields)
        {
            foreach (var payload in ControlCharacters.Concat(FormatCharacters).Concat(Markup).Concat(Sql))
            {
                foreach (var wrap in wrappings)
                {
                    yield return ($"{field} = {payload}", f => f[field] = wrap(payload));
                }
            }

            yield return ($"{field} oversized", f => f[field] = new string('a', 101));
            yield return ($"{field} huge", f => f[field] = new string('a', 15_000));
            yield return ($"{field} empty", f => f[field] = "");
            yield return ($"{field} blank", f => f[field] = "   ");
            yield return ($"{field} missing", f => f[field] = null);
            yield return ($"{field} digits", f => f[field] = "12345");
            yield return ($"{field} emoji only", f => f[field] = "😀😀");
        }

        var badEmails = new List<string>
        {
            "", " ", "plainaddress", "@example.com", "a@", "a@b", "a@@example.com", "a b@example.com", "a@example..com",
            "a@example.com.", ".a@example.com", "a@-example.com", "a@example.com\r\nBcc: victim@example.com",
            "a@example.com\nSubject: hi", "<script>@example.com", "a@<script>.com", "\"a\"@example.com\0",
            new string('a', 250) + "@example.com", new string('a', 65) + "@example.com", "a@" + new string('b', 250) + ".com",
            "a@example.com, b@example.com", "a@example.com;b@example.com", "mailto:a@example.com", "a@example.com>",
            "'; DROP TABLE leads; --@example.com", "a@exa mple.com", "a@example.com\u0007",
        };
        badEmails.AddRange(Sql.Where(s => !s.Contains('@')));
        badEmails.AddRange(Markup.Where(s => !s.Contains('@')));
        foreach (var email in badEmails)
        {
            yield return ($"email = {email}", f => f["Input.Email"] = email);
        }

        foreach (var phone in new[] { "abc", "12", "+", "555-0100; DROP TABLE leads", "<script>", "1234567890123456789012345678901", "555\u00000100", "(555) 010-0100 ext. 5", "++15550100", "0x1F" }
                     .Concat(ControlCharacters.Select(c => "555" + c + "0100")))
        {
            yield return ($"phone = {phone}", f => f["Input.Phone"] = phone);
        }

        foreach (var country in new[] { "", "XX", "us", "USA", "United States", "'; --", "<b>", "U\u0000", "ZZ", "1" })
        {
            yield return ($"country = {country}", f => f["Input.CountryCode"] = country);
        }

        yield return ("country missing", f => f["Input.CountryCode"] = null);

        foreach (var track in new[] { "", "Both", "3", "-1", "99", "I S", "IS,IT", "<script>", "' OR 1=1", "Undecided\0", "2147483648" })
        {
            yield return ($"track = {track}", f => f["Input.Track"] = track);
        }

        yield return ("track missing", f => f["Input.Track"] = null);

        foreach (var term in new[] { "", "Spring 1999", "Fall 3000", "Summer", "<b>Fall</b>", "' OR 1=1", "Not sure", new string('x', 500) })
        {
            yield return ($"term = {term}", f => f["Input.StartTerm"] = term);
        }

        foreach (var years in new[] { "", "abc", "-1", "61", "1e3", "3.5", "99999999999999999999", "0x10", "½", "٣", "4 years", "' OR 1=1", "<script>", "NaN", "Infinity", "4\u0000" })
        {
            yield return ($"years = {years}", f => f["Input.YearsOfExperience"] = years);
        }

        foreach (var payload in ControlCharacters.Where(c => c is not "\r\n" and not "\t"))
        {
            foreach (var wrap in wrappings)
            {
                yield return ($"message with {payload}", f => f["Input.Message"] = wrap("Hello" + payload));
            }
        }

        yield return ("message oversized", f => f["Input.Message"] = new string('m', 2001));
        yield return ("message over the form limit", f => f["Input.Message"] = new string('m', 20_000));
        yield return ("message of a megabyte", f => f["Input.Message"] = new string('m', 1_000_000));

        foreach (var consent in new[] { "", "false", "maybe", "on", "1", "yes", "<script>" })
        {
            yield return ($"consent = {consent}", f => f["Input.Consent"] = consent);
        }

        yield return ("consent missing", f => f["Input.Consent"] = null);

        foreach (var token in new[] { "", "invalid", "CfDJ8" + new string('A', 200), "<script>", "' OR 1=1" })
        {
            yield return ($"antiforgery token = {token}", f => f["__RequestVerificationToken"] = token);
        }

        yield return ("antiforgery token missing", f => f["__RequestVerificationToken"] = null);
        yield return ("everything missing", f => f.Clear());
        yield return ("too many fields", f =>
        {
            for (var i = 0; i < 100; i++)
            {
                f[$"Input.Extra{i}"] = "x";
            }
        });

        // A seeded fuzzer: random strings that each contain at least one character no name may hold.
        var random = new Random(20261125);
        const string forbidden = "<>;=(){}[]0123456789@#$%^*|\\/\"\0\u0001\u001b\u007f";
        for (var i = 0; i < 700; i++)
        {
            var text = new StringBuilder();
            for (var length = random.Next(0, 30); text.Length < length;)
            {
                text.Append((char)random.Next(0x20, 0x2000));
            }

            text.Insert(random.Next(0, text.Length + 1), forbidden[random.Next(forbidden.Length)]);
            var field = NameFields[i % 2];
            var value = text.ToString();
            yield return ($"fuzz {i} in {field}", f => f[field] = value);
        }
    }
}
