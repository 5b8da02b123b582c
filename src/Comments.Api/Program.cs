using Comments.Api.Moderation;
using Comments.Api.Comments;
using Comments.Api.Demo;
using Comments.Api.Engagement;
using Comments.Api.Health;
using Comments.Api.Infrastructure;
using Comments.Api.Realtime;
using Comments.Storage;

// A store that cannot be used safely (its data folder locked, unwritable or unrecoverable) stops the
// service in order, with the store's own message and exit code 1, wherever it is first resolved.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (StoreStartException.Find(e.ExceptionObject as Exception) is not { } store) return;
    Console.Error.WriteLine($"Comments cannot start: {store.Message}");
    Environment.Exit(1);
};

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.UseDefaultUrls();
builder.AddCommentsService();
builder.Services.AddModeration(builder.Configuration);
builder.Services.AddEngagement();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseStaticFiles();

app.MapOpenApi();
app.MapHealthApi();
app.MapModerationApi();
app.MapModerationPage();
app.MapDemoPage();
app.MapCommentsApi();
app.MapEngagementApi();
app.MapCommentsHub();

app.Run();

public partial class Program;
