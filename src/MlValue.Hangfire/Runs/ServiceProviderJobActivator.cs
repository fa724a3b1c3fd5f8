using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace MlValue.Runs;

/// <summary>
/// A Hangfire job activator over a service provider: each job gets a scope, and its type is built from the
/// container (<see cref="ActivatorUtilities"/>), so <see cref="LoopStepJob"/> and <see cref="LoopTriggerJob"/>
/// receive the application's loops and runner. Hangfire.NetCore's activator does the same; this one needs only
/// Hangfire.Core.
/// </summary>
public sealed class ServiceProviderJobActivator : JobActivator
{
    private readonly IServiceScopeFactory _scopes;

    /// <summary>Creates the activator.</summary>
    /// <param name="services">The application's services.</param>
    public ServiceProviderJobActivator(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
    }

    /// <inheritdoc />
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(_scopes.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
