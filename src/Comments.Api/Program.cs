using Comments.Api.Moderation;
using Comments.Api.Comments;
using Comments.Api.Engagement;
using Comments.Api.Health;
using Comments.Api.Infrastructure;
using Comments.Api.Realtime;

var builder = WebApplication.CreateBuilder(args);
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
app.MapCommentsApi();
app.MapEngagementApi();
app.MapCommentsHub();

app.Run();

public partial class Program;
