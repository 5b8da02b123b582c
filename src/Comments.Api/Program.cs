using Comments.Api.Comments;
using Comments.Api.Health;
using Comments.Api.Infrastructure;
using Comments.Api.Realtime;

var builder = WebApplication.CreateBuilder(args);
builder.AddCommentsService();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthApi();
app.MapCommentsApi();
app.MapCommentsHub();

app.Run();

public partial class Program;
