using Microsoft.Playwright;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// Records, in one browser tab, everything the site's security headers made the browser refuse or
/// complain about: the page's securitypolicyviolation events (one per blocked script, style, image
/// or frame) and Chromium's console messages about Content-Security-Policy or Permissions-Policy.
/// </summary>
public sealed class PolicyWatch
{
    private const string EventPrefix = "securitypolicyviolation: ";
    private readonly List<string> _violations = [];
    private readonly List<string> _consoleMessages = [];

    public IReadOnlyList<string> Violations => Snapshot(_violations);
    public IReadOnlyList<string> ConsoleMessages => Snapshot(_consoleMessages);

    /// <summary>Everything reported, for asserting that a page needed nothing the policies forbid.</summary>
    public IReadOnlyList<string> All => [.. Violations, .. ConsoleMessages];

    public static async Task<PolicyWatch> AttachAsync(IPage page)
    {
        var watch = new PolicyWatch();
        // Playwright injects this over the DevTools protocol, which the page's policy does not govern.
        await page.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e =>
                console.info('{{EventPrefix}}' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI));
            """);
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith(EventPrefix, StringComparison.Ordinal))
            {
                Add(watch._violations, message.Text[EventPrefix.Length..]);
            }
            else if (message.Text.Contains("Content Security Policy") || message.Text.Contains("Permissions-Policy")
                || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
            {
                Add(watch._consoleMessages, $"{page.Url}: {message.Text}");
            }
        };
        return watch;
    }

    /// <summary>Waits briefly for reports still on their way (the browser dispatches them after the fact).</summary>
    public async Task<int> WaitForViolationsAsync(int atLeast, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (Violations.Count < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return Violations.Count;
    }

    private static void Add(List<string> list, string entry)
    {
        lock (list)
        {
            list.Add(entry);
        }
    }

    private static IReadOnlyList<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}
