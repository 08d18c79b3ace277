using System.Net;
using System.Text.RegularExpressions;

namespace ProgramPortal.Bench;

/// <summary>
/// One visitor: keeps the cookies the portal sets (the antiforgery cookie, the staff sign-in) and
/// reads the hidden fields of the forms it is shown, as a browser would.
/// </summary>
public sealed partial class FormSession(HttpClient client)
{
    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>GETs a page with a form and returns its hidden inputs and first option of each select.</summary>
    public async Task<Dictionary<string, string>> OpenFormAsync(string path)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        }

        var html = await response.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            if (Attribute(input.Value, "name") is { } name)
            {
                fields[name] = Attribute(input.Value, "value") ?? "";
            }
        }

        foreach (Match select in FirstOption().Matches(html))
        {
            fields[select.Groups["name"].Value] = WebUtility.HtmlDecode(select.Groups["value"].Value);
        }

        return fields;
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Sends with this visitor's cookies and keeps any it is given.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request, completion);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var cookie in setCookies)
            {
                var pair = cookie.Split(';', 2)[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $@"\s{name}=""([^""]*)""") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex(@"<select[^>]*name=""(?<name>[^""]+)""[^>]*>\s*(?:<option value="""">[^<]*</option>\s*)?<option[^>]*value=""(?<value>[^""]+)""")]
    private static partial Regex FirstOption();
}
