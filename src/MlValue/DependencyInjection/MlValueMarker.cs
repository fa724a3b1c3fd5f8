using Microsoft.Extensions.DependencyInjection;

namespace MlValue.DependencyInjection;

/// <summary>Marks a service collection into which MlValue was added, so a second call is harmless.</summary>
internal sealed class MlValueMarker
{
    private readonly HashSet<Type> _bound = [];

    public static MlValueMarker? Find(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(MlValueMarker) && descriptor.ImplementationInstance is MlValueMarker marker)
            {
                return marker;
            }
        }

        return null;
    }

    /// <summary>True the first time options of this type are registered into the collection.</summary>
    public static bool FirstRegistration<TOptions>(IServiceCollection services)
        => Find(services)?._bound.Add(typeof(TOptions)) ?? true;
}
