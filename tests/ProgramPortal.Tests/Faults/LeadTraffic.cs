using System.Collections.Concurrent;
using System.Net;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Faults;

public enum LeadOutcome
{
    /// <summary>Redirected to the thank-you page: the visitor believes the request was received.</summary>
    Acknowledged,
    /// <summary>Answered with anything else (an error page): the visitor knows it was not received.</summary>
    Refused,
    /// <summary>No answer at all (the connection dropped): the visitor cannot tell.</summary>
    Unanswered,
}

/// <summary>
/// Visitors sending the request-information form to portal processes over HTTP, each with a fresh
/// cookie jar and an address of its own, so every lead in the database traces back to one post and
/// what that post was told.
/// </summary>
public sealed class LeadTraffic(string name)
{
    private readonly ConcurrentDictionary<string, LeadOutcome> _outcomes = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> _refusals = new();
    private int _next;

    public int Sent => _outcomes.Count;
    public IReadOnlyList<string> Acknowledged => With(LeadOutcome.Acknowledged);
    public IReadOnlyList<string> Refused => With(LeadOutcome.Refused);
    public IReadOnlyList<string> Unanswered => With(LeadOutcome.Unanswered);
    public IReadOnlyList<(HttpStatusCode Status, string Body)> Refusals => [.. _refusals];

    /// <summary>One visitor opens the form and sends it; null when the form itself could not be opened (nothing was sent).</summary>
    public async Task<LeadOutcome?> SubmitAsync(PortalInstance portal)
    {
        using var browser = portal.CreateClient(new CookieContainer());
        Dictionary<string, string> hidden;
        try
        {
            hidden = await LeadForm.OpenAsync(browser);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException)
        {
            return null;
        }

        var email = $"{name}.{Interlocked.Increment(ref _next)}@visitors.test";
        LeadOutcome outcome;
        try
        {
            using var response = await LeadForm.PostAsync(browser, hidden, LeadForm.Valid(email, DateTimeOffset.UtcNow));
            outcome = LeadForm.IsAcknowledged(response) ? LeadOutcome.Acknowledged : LeadOutcome.Refused;
            if (outcome == LeadOutcome.Refused)
            {
                _refusals.Enqueue((response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException)
        {
            outcome = LeadOutcome.Unanswered;
        }

        _outcomes[email] = outcome;
        return outcome;
    }

    /// <summary>Several visitors at once, each sending one form after another to whichever portal <paramref name="portal"/> names, until stopped.</summary>
    public Task RunAsync(Func<PortalInstance> portal, int visitors, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, visitors).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await SubmitAsync(portal()) is null)
                {
                    await Task.Delay(50, CancellationToken.None);
                }
            }
        }));

    /// <summary>Waits until at least this many posts were acknowledged.</summary>
    public Task WaitForAcknowledgedAsync(int count, TimeSpan timeout) =>
        Poll.UntilAsync(() => Acknowledged.Count >= count, timeout,
            () => $"Only {Acknowledged.Count} of {count} leads were acknowledged in time", TimeSpan.FromMilliseconds(20));

    /// <summary>
    /// What each visitor was told holds: every post answered with the thank-you page is a stored lead
    /// that got exactly one confirmation. Call once the mail has settled.
    /// </summary>
    public async Task AssertEveryAcknowledgedLeadStoredAndConfirmedOnceAsync(string connectionString, TestSmtpServer mail)
    {
        var stored = await FaultPortal.StoredLeadsAsync(connectionString);
        var lost = Acknowledged.Except(stored).ToList();
        var notOnce = Acknowledged.Select(address => (address, mail.To(address).Count)).Where(a => a.Count != 1).ToList();
        Assert.True(lost.Count == 0, $"Acknowledged but not stored: {string.Join(", ", lost)}");
        Assert.True(notOnce.Count == 0, "Acknowledged leads without exactly one confirmation: "
            + string.Join(", ", notOnce.Select(a => $"{a.address} ({a.Count})")));
    }

    public string Summary => $"leads sent: {Sent}, acknowledged: {Acknowledged.Count}, refused with an error: {Refused.Count}, "
        + $"unanswered (connection dropped): {Unanswered.Count}";

    private IReadOnlyList<string> With(LeadOutcome outcome) =>
        [.. _outcomes.Where(pair => pair.Value == outcome).Select(pair => pair.Key)];
}
