using Comments.Core.Outbox;
using Comments.Core.Sites;

namespace Comments.Api.Webhooks;

/// <summary>
/// Calls each of a site's hooks that wants the event with one signed POST. A hook that answers 2xx is
/// recorded as sent (so a retry of the item calls only the hooks that failed); any other answer or a
/// network error throws, and the outbox retries the item with backoff, then keeps it as a dead letter.
/// </summary>
public sealed class WebhookDelivery(IOutbox outbox, IHttpClientFactory http, TimeProvider clock)
{
    /// <param name="itemId">The outbox item's id: each hook's delivery id is <c>{itemId}.hook{N}</c>, the same on every retry.</param>
    /// <param name="wanted">The event's name in <see cref="SiteWebhook.Events"/>.</param>
    /// <param name="header">The event's name in the <c>X-Comments-Event</c> header and the JSON body.</param>
    public async Task DeliverAsync(SiteOptions site, string itemId, string wanted, string header, Func<SiteWebhook, string> body, CancellationToken ct)
    {
        var failures = new List<string>();
        for (var i = 0; i < site.Webhooks.Count; i++)
        {
            var hook = site.Webhooks[i];
            if (!hook.Wants(wanted)) continue;
            var delivery = $"{itemId}.hook{i}";
            if (await outbox.WasSentAsync(site.Id, delivery)) continue;
            try
            {
                using var request = WebhookHandler.Signed(hook, delivery, body(hook), clock.GetUtcNow(), header);
                using var answer = await http.CreateClient(WebhookHandler.HttpClientName).SendAsync(request, ct);
                if (answer.IsSuccessStatusCode) await outbox.MarkSentAsync(site.Id, delivery, clock.GetUtcNow());
                else failures.Add($"hook {i} answered {(int)answer.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"hook {i}: {e.GetType().Name}");
            }
        }
        if (failures.Count > 0) throw new WebhookFailedException(string.Join("; ", failures));
    }
}
