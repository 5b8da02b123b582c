using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The one options pattern of the host: a section bound to its POCO with
/// <c>AddOptions&lt;T&gt;().Bind(…)</c>, validated when the service starts (data annotations, plus
/// any <see cref="IValidateOptions{TOptions}"/> of the feature), read through <c>IOptions</c> /
/// <c>IOptionsMonitor</c>. A bad value stops start-up with a message naming the key
/// (<c>RateLimits:PostsPerMinute</c>).
/// </summary>
public static class Settings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new AnnotatedSection<T>(section));
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>Data annotations, with each failure named by its configuration key.</summary>
    private sealed class AnnotatedSection<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
                return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
