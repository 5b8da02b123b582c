using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Hosting;

/// <summary>Every settings section is validated when the service starts: a bad value stops it, naming the key.</summary>
public sealed class SettingsStartupTests
{
    [Theory]
    [InlineData("RateLimits__PostsPerMinute", "0", "RateLimits:PostsPerMinute")]
    [InlineData("Realtime__KeepAliveSeconds", "0", "Realtime:KeepAliveSeconds")]
    [InlineData("Storage__EmbeddedPort", "70000", "Storage:EmbeddedPort")]
    [InlineData("Engagement__TokenSecret", "too-short", "Engagement:TokenSecret")]
    [InlineData("Mail__Host", "smtp.example.com", "Mail:From")]
    [InlineData("Outbox__MaxAttempts", "0", "Outbox:MaxAttempts")]
    [InlineData("Sites__t-open__RetainPersonalDataDays", "-1", "Sites:t-open:RetainPersonalDataDays")]
    [InlineData("Sites__t-open__Webhooks__0__Url", "ftp://hooks.example/in", "Sites:t-open:Webhooks:0:Url")]
    [InlineData("PersonalData__RetentionCheckMinutes", "0", "PersonalData:RetentionCheckMinutes")]
    [InlineData("Sites__t-open__Webhooks__0__Events__0", "deleted", "Sites:t-open:Webhooks:0:Events has 'deleted'")]
    [InlineData("Moderation__Moderators__0__Alerts", "Immediate", "Moderation:Moderators:0:Email must be an address")]
    [InlineData("Moderation__AlertCoalesceSeconds", "-1", "Moderation:AlertCoalesceSeconds")]
    public async Task A_bad_setting_stops_the_service_at_start_up_with_the_keys_name(string variable, string value, string key)
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-settings-").FullName;
        try
        {
            var environment = new Dictionary<string, string>(TestSites.Environment(dataDir, null, FreePort.Next())) { [variable] = value };

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(environment));

            Assert.Contains("The service exited with", failure.Message);
            Assert.DoesNotContain("The service exited with 0 ", failure.Message);
            Assert.Contains(key, failure.Message);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
