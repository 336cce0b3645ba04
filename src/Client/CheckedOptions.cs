using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Claims.Client;

/// <summary>Binds options from their configuration section and refuses to start with values that cannot work.</summary>
public static class CheckedOptions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/>, checked when the host starts.</summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, string section)
        where T : class, ICheckedOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, ProblemsValidator<T>>());
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Reads <typeparamref name="T"/> while the host is still being built (the values decide what
    /// is registered), throwing at once when one cannot work.
    /// </summary>
    public static T GetChecked<T>(this IConfiguration configuration, string section)
        where T : class, ICheckedOptions, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new OptionsValidationException(section, typeof(T), problems);
    }

    private sealed class ProblemsValidator<T> : IValidateOptions<T>
        where T : class, ICheckedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
