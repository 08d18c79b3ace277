using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ProgramPortal.Hosting;

/// <summary>
/// Razor Pages renders a page even when no handler matches the request's method (TRACE, PUT, a GET
/// naming a POST-only handler), skipping the OnGet that fills its model, so the view fails with a
/// 500. This answers such a request the way HTTP says instead: 405, with the methods the page does
/// handle in Allow.
/// </summary>
public sealed class UnhandledMethodFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        // The error page shown in place of another response (an exception or an error status) is
        // re-executed with that request's method, whatever it was: it describes the error the same way.
        if (context.HandlerMethod is null && IsErrorPageFor(context.HttpContext))
        {
            context.HandlerMethod = context.ActionDescriptor.HandlerMethods
                .FirstOrDefault(h => h.Name is null && h.HttpMethod.Equals(HttpMethods.Get, StringComparison.OrdinalIgnoreCase));
        }

        return Task.CompletedTask;
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null || IsErrorPageFor(context.HttpContext))
        {
            return next();
        }

        // Razor Pages' own matching: an unnamed handler serves any handler name, a named one only its own.
        var handlerName = HandlerName(context);
        var allowed = context.ActionDescriptor.HandlerMethods
            .Where(h => h.Name is null || string.Equals(h.Name, handlerName, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.HttpMethod.ToUpperInvariant())
            .ToHashSet();
        // A page with no GET handler at all is meant to render as it is.
        if (!context.ActionDescriptor.HandlerMethods.Any(h => h.HttpMethod.Equals(HttpMethods.Get, StringComparison.OrdinalIgnoreCase)))
        {
            allowed.Add(HttpMethods.Get);
        }

        if (allowed.Contains(HttpMethods.Get))
        {
            allowed.Add(HttpMethods.Head);
        }

        if (allowed.Contains(context.HttpContext.Request.Method.ToUpperInvariant()))
        {
            return next();
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed.Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }

    // Where Razor Pages itself reads the handler name: the route's {handler} first, then ?handler=.
    private static string? HandlerName(ActionContext context)
    {
        var name = context.RouteData.Values["handler"]?.ToString();
        if (string.IsNullOrEmpty(name))
        {
            name = context.HttpContext.Request.Query["handler"].FirstOrDefault();
        }

        return string.IsNullOrEmpty(name) ? null : name;
    }

    private static bool IsErrorPageFor(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
}
