using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MlValue.DependencyInjection;

/// <summary>
/// Registers a service of a stage under a name (a keyed singleton), refuses a second registration
/// of the same name, and resolves the un-keyed service only while exactly one name of that
/// service type is registered.
/// </summary>
/// <param name="stage">What is named, for messages: "data source", "monitor".</param>
internal sealed class NamedServices(string stage)
{
    private readonly Dictionary<string, Type> _names = new(StringComparer.Ordinal);
    private readonly string _stage = stage;

    public static NamedServices For(IServiceCollection services, string stage)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(NamedServices) && descriptor.ImplementationInstance is NamedServices found && found._stage == stage)
            {
                return found;
            }
        }

        var created = new NamedServices(stage);
        services.AddSingleton(created);
        return created;
    }

    /// <summary>Adds <typeparamref name="TService"/> under <paramref name="name"/>, and un-keyed for the first name of that type.</summary>
    public void Add<TService>(IServiceCollection services, string name, Func<IServiceProvider, TService> factory, Func<string, Exception> duplicate)
        where TService : class
    {
        if (_names.TryGetValue(name, out var existing))
        {
            throw duplicate($"A {_stage} named '{name}' is already registered (for {Display(existing)}); each {_stage} needs its own name, because the name keys its stored state. Give the second one another name.");
        }

        _names.Add(name, typeof(TService));
        services.AddKeyedSingleton<TService>(name, (provider, _) => factory(provider));
        services.TryAddSingleton<TService>(provider => provider.GetRequiredKeyedService<TService>(Single<TService>(duplicate)));
    }

    private string Single<TService>(Func<string, Exception> error)
    {
        var names = _names.Where(n => n.Value == typeof(TService)).Select(n => n.Key).ToList();
        return names.Count == 1
            ? names[0]
            : throw error($"{names.Count} {_stage}s of {Display(typeof(TService))} are registered ({string.Join(", ", names.Select(n => $"'{n}'"))}), so the un-keyed one is ambiguous. Resolve one by name: GetRequiredKeyedService<{Display(typeof(TService))}>(name).");
    }

    private static string Display(Type type)
        => type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>"
            : type.Name;
}
