using System.Globalization;
using System.Threading.RateLimiting;

namespace ProgramPortal.Hosting;

/// <summary>The 429 answer of every rate limit: the friendly /error page, and when to come back.</summary>
public static class TooManyRequests
{
    public static void Answer(HttpResponse response, RateLimitLease lease)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
