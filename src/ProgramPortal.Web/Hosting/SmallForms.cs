using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ProgramPortal.Hosting;

/// <summary>
/// Forms anyone may post (sign-in, password reset, unsubscribe) accept a small body, declared with
/// [RequestSizeLimit] or the endpoint's <see cref="IRequestSizeLimitMetadata"/>; every other page
/// keeps Kestrel's 30 MB. A larger body is answered 413 before anything reads it, so it never
/// reaches model binding, antiforgery or a status message.
/// </summary>
public static class SmallForms
{
    public const long MaxBytes = 16 * 1024;

    public static IApplicationBuilder UseSmallFormLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
            && !await FitsAsync(context.Request, limit))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });

    private static async Task<bool> FitsAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength is { } length)
        {
            return length <= limit;
        }

        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return true;
        }

        // A chunked body announces no length: read it (it is small, or stopped at the limit) and rewind.
        request.EnableBuffering();
        var chunk = new byte[4096];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }
        }

        request.Body.Position = 0;
        return true;
    }
}
