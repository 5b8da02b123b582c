using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// A fresh author email and address, and the forms they could leak in: the email itself, the IP,
/// and the email's MD5 (Gravatar) and SHA-256 in hex. Matching ignores case, and looks at the
/// text as sent, JSON-unescaped and URL-decoded.
/// </summary>
public sealed class Secrets
{
    public Secrets()
    {
        Email = $"secret.{Guid.NewGuid():N}@private-mail.example";
        Ip = $"198.51.100.{Random.Shared.Next(2, 254)}";
        All =
        [
            Email, Ip,
            Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Email))),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Email))),
        ];
    }

    public string Email { get; }
    public string Ip { get; }
    public IReadOnlyList<string> All { get; }

    /// <summary>Fails naming <paramref name="where"/> if <paramref name="text"/> holds any secret in any form.</summary>
    public void AssertNotIn(string where, string text)
    {
        var forms = new List<string> { text, Uri.UnescapeDataString(text) };
        try
        {
            using var json = JsonDocument.Parse(text);
            forms.Add(JsonSerializer.Serialize(json.RootElement, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        catch (JsonException)
        {
            // not JSON: the raw and URL-decoded forms are enough
        }
        foreach (var secret in All)
            Assert.False(forms.Any(f => f.Contains(secret, StringComparison.OrdinalIgnoreCase)), $"{where} leaks '{secret}':\n{text}");
    }

    /// <summary>The body and every header of <paramref name="response"/>.</summary>
    public async Task AssertNotInAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)
            + "\n" + string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));
        AssertNotIn($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} ({(int)response.StatusCode})", text);
    }
}
