using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue.AspNetCore;
using MlValue.AspNetCore.Dashboard;
using MlValue.AspNetCore.Internal;
using MlValue.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the services of MlValue's dashboard page (ASP.NET Core).</summary>
public static class DashboardBuilderExtensions
{
    /// <summary>
    /// Registers what <c>app.MapMlValueDashboard(path)</c> needs: <see cref="DashboardOptions"/>, bound from
    /// <c>MlValue:Dashboard</c> and validated at start-up, the anti-forgery services its write forms use, and the list of
    /// mapped models it shows the serving state and monitors of. The page reads the registered <c>IModelRegistry</c>,
    /// and, when registered, the <c>IRunStore</c> and the loops added with <c>AddLoop</c>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddDashboard(this MlValueBuilder builder, Action<DashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<MappedModels>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAntiforgery();
        return builder.ConfigureOptions<DashboardOptions, DashboardOptionsValidator>("Dashboard", configure);
    }
}
