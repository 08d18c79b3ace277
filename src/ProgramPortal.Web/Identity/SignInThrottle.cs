using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using ProgramPortal.Hosting;

namespace ProgramPortal.Identity;

/// <summary>
/// Limits posts to the sign-in pages (password, two-factor code, forgot and reset password) twice:
/// per client, by the rate limiter's policy, so one machine cannot try many accounts; and per
/// account, by this filter, so many machines cannot try one account. Both answer 429 with
/// Retry-After, whether or not the account exists.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInLimitOptions> options) : IAsyncPageFilter, IDisposable
{
    public const string ClientPolicy = "staff-sign-in";

    private readonly PartitionedRateLimiter<string> _perAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PostsPerAccount,
            Window = options.Value.Window,
            QueueLimit = 0,
        }));

    public static void AddClientPolicy(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions limiter) =>
        limiter.AddPolicy(ClientPolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
            return ClientNetwork.PostsPerClient(context, options.PostsPerClient, options.Window);
        });

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && await AccountNamedAsync(http) is { } account)
        {
            using var lease = _perAccount.AttemptAcquire(account);
            if (!lease.IsAcquired)
            {
                TooManyRequests.Answer(http.Response, lease);
                context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
                return;
            }
        }

        await next();
    }

    /// <summary>The email address the form names, or in the two-factor step the user the password step found.</summary>
    private static async Task<string?> AccountNamedAsync(HttpContext http)
    {
        var normalizer = http.RequestServices.GetRequiredService<ILookupNormalizer>();
        if (http.Request.HasFormContentType
            && (await http.Request.ReadFormAsync(http.RequestAborted))["Input.Email"].ToString() is { Length: > 0 } email)
        {
            return "email:" + normalizer.NormalizeEmail(email.Trim());
        }

        var twoFactor = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return twoFactor.Principal?.FindFirstValue(ClaimTypes.Name) is { } userId ? "user:" + userId : null;
    }

    public void Dispose() => _perAccount.Dispose();
}
