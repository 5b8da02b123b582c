using Comments.Api.Moderation;
using Comments.Api.PersonalData;
using Comments.Api.Comments;
using Comments.Api.Demo;
using Comments.Api.Engagement;
using Comments.Api.Health;
using Comments.Api;
using Comments.Api.Infrastructure;
using Comments.Api.Realtime;
using Comments.Api.Subscriptions;
using Comments.Api.Telemetry;
using Comments.Storage;
using Microsoft.Extensions.Options;

// A store that cannot be used safely (its data folder locked, unwritable or unrecoverable) or a
// setting that fails its validation stops the service in order, with the message (which names the
// setting's key) and exit code 1, wherever it is first resolved.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    var message = StoreStartException.Find(e.ExceptionObject as Exception)?.Message
        ?? (e.ExceptionObject switch
        {
            OptionsValidationException one => one.Message,
            AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
                string.Join(" ", many.InnerExceptions.Select(i => i.Message)),
            _ => null,
        });
    if (message is null) return;
    Console.Error.WriteLine($"Comments cannot start: {message}");
    Environment.Exit(1);
};

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.UseDefaultUrls();
builder.AddCommentsService();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseStaticFiles();

app.MapTelemetry();
app.MapOpenApi();
app.MapHealthApi();
app.MapModerationApi();
app.MapModerationPage();
app.MapDemoPage();
app.MapCommentsApi();
app.MapEngagementApi();
app.MapSubscriptionsApi();
app.MapPersonalDataRequestsApi();
app.MapCommentsHub();

app.Run();

public partial class Program;
