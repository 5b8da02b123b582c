using System.Net;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Scoring;

/// <summary>The shipped models deciding in the real service, at the default thresholds.</summary>
public abstract class ModelDecisionTests(ServiceFixture fixture)
{
    private async Task<(HttpStatusCode Status, JsonElement Stored)> PostAndReadStored(string text)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(TestSites.Model, TestSites.NewThread("model"),
            TestApi.Reply(text, email: $"new-{Guid.NewGuid():N}@example.com"));
        var id = (await response.JsonAsync()).GetProperty("id").GetString();
        var stored = JsonDocument.Parse((string)(await fixture.Store.StringGetAsync($"c:{{{TestSites.Model}}}:comment:{id}"))!).RootElement.Clone();
        return (response.StatusCode, stored);
    }

    [Fact]
    public async Task An_ordinary_disagreement_is_published_with_both_scores_and_the_model_version()
    {
        var (status, stored) = await PostAndReadStored("I see your point, but I think the second argument ignores how the budget was actually spent.");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Published", stored.GetProperty("status").GetString());
        Assert.InRange(stored.GetProperty("spamScore").GetDouble(), 0, 0.2);
        Assert.InRange(stored.GetProperty("toxicityScore").GetDouble(), 0, 0.4);
        Assert.StartsWith("spam-", stored.GetProperty("modelVersion").GetString());
    }

    [Fact]
    public async Task A_toxic_comment_answers_202_and_waits_in_pending_with_the_words_that_raised_its_score()
    {
        var (status, stored) = await PostAndReadStored("You are a pathetic idiot and everyone here hates you, shut up moron");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("Pending", stored.GetProperty("status").GetString());
        var reason = stored.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "model.toxic");
        Assert.Contains("words that raised it most", reason.GetProperty("detail").GetString());
        Assert.Matches("idiot|moron|pathetic|shut up", reason.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task Obfuscated_abuse_is_held_too()
    {
        var (status, stored) = await PostAndReadStored("you are a st.u.p.i.d 1d10t");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("Pending", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Link_spam_answers_exactly_like_pending_and_lands_in_spam()
    {
        var (status, stored) = await PostAndReadStored("Check out my channel!! Subscribe for free gift cards http://bit.ly/free-cards");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("Spam", stored.GetProperty("status").GetString());
        Assert.Contains(stored.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "model.spam");
    }

    [Fact]
    public async Task An_ordinary_comment_with_one_link_never_lands_in_spam()
    {
        // Before the link-blind score this went to the spam folder (spam 0.99): the spam corpora
        // have links almost only in spam. Now it is published or waits for a moderator.
        var (status, stored) = await PostAndReadStored("Good piece. The council published the full budget at https://council.example.gov/budget-2026 if anyone wants the numbers.");
        Assert.NotEqual("Spam", stored.GetProperty("status").GetString());
        Assert.DoesNotContain(stored.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "model.spam");
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Accepted);
    }
}

public sealed class ModelDecisionsOnGarnet(GarnetService fixture) : ModelDecisionTests(fixture);

public sealed class ModelDecisionsOnRedis(RedisService fixture) : ModelDecisionTests(fixture);
