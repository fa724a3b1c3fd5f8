using System.Reflection;
using Microsoft.ML;

namespace MlValue.Training;

/// <summary>
/// Stops a running ML.NET fit when the token is cancelled. <c>MLContext.CancelExecution</c> is
/// public only through the Microsoft.ML.Experimental package, so it is bound once here by
/// reflection; if a future ML.NET removes it, cancellation still happens between stages.
/// </summary>
internal static class MlNetCancellation
{
    private static readonly Action<MLContext>? Cancel = Bind();

    /// <summary>True when ML.NET's own cancellation was found (fits stop mid-way, not only between stages).</summary>
    public static bool StopsMidFit => Cancel is not null;

    public static CancellationTokenRegistration Register(CancellationToken cancellationToken, MLContext mlContext)
        => Cancel is { } cancel ? cancellationToken.Register(() => cancel(mlContext)) : default;

    private static Action<MLContext>? Bind()
    {
        var method = typeof(MLContext).GetMethod("CancelExecution", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);
        return method is null ? null : method.CreateDelegate<Action<MLContext>>();
    }
}
