using Comments.Api.Comments;
using Comments.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests.Hardening;

/// <summary>Every request record the host reads has its validator, registered for the one validation filter.</summary>
public class RequestValidatorTests
{
    [Fact]
    public void Every_request_record_of_the_host_has_a_registered_validator()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddRequestValidators().BuildServiceProvider();
        var records = typeof(RequestValidation).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Request", StringComparison.Ordinal))
            // The submission is validated by the pipeline (Core's CommentSubmissionValidator), whose rules depend on the site.
            .Where(t => t != typeof(CommentRequest))
            .ToList();

        Assert.NotEmpty(records);
        Assert.All(records, record =>
            Assert.True(services.GetService(typeof(RequestValidator<>).MakeGenericType(record)) is not null, $"{record.Name} has no RequestValidator."));
    }
}
