using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramPortal.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "We could not show this page. Please try again in a moment.";

    // The code is read from the query by hand: with handler parameters, model binding would parse the
    // failed request's form, which for a 413 is the very body that was refused as too large. Shown for
    // any other method, the page runs this handler too (see UnhandledMethodFilter).
    public void OnGet() => Describe();

    private void Describe()
    {
        switch (int.TryParse(Request.Query["code"], CultureInfo.InvariantCulture, out var code) ? code : 0)
        {
            case StatusCodes.Status404NotFound:
                Heading = "Page not found";
                Explanation = "The page you asked for does not exist or has moved.";
                break;
            case StatusCodes.Status405MethodNotAllowed:
                Heading = "This page cannot do that";
                Explanation = "The page does not accept this kind of request. Please open it again from its link.";
                break;
            case StatusCodes.Status413PayloadTooLarge:
                Heading = "That was too much to send";
                Explanation = "What you entered is far longer than this form accepts. Go back, shorten it and send the form again.";
                break;
            case StatusCodes.Status429TooManyRequests:
                Heading = "Too many requests";
                Explanation = "You have sent a lot of requests in a short time. Please wait "
                    + (int.TryParse(Response.Headers.RetryAfter, CultureInfo.InvariantCulture, out var seconds) && seconds > 60
                        ? $"{(seconds + 59) / 60} minutes"
                        : "a minute")
                    + " and try again.";
                break;
        }
    }
}
