using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramPortal.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "We could not show this page. Please try again in a moment.";

    // The code comes from the query only: shown for a refused post, the page must not read its body.
    // Shown for any other method, it runs this handler too (see UnhandledMethodFilter).
    public void OnGet([FromQuery] int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
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
                Heading = "Too much was sent";
                Explanation = "What you sent is larger than this site accepts. Please send less.";
                break;
            case StatusCodes.Status429TooManyRequests:
                Heading = "Too many requests";
                Explanation = "You have sent a lot of requests in a short time. Please wait a minute and try again.";
                break;
        }
    }
}
