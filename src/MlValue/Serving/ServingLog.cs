using Microsoft.Extensions.Logging;

namespace MlValue.Serving;

/// <summary>The log messages of the serving stage (no inputs or outputs are logged).</summary>
internal static partial class ServingLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Model {ModelName} alias {Alias} ({Arm}): now serving version {ToVersion} (was {FromVersion}).")]
    public static partial void Swapped(ILogger logger, string modelName, string alias, string arm, int toVersion, int? fromVersion);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Model {ModelName} alias {Alias} ({Arm}): could not swap to version {ToVersion}; version {FromVersion} keeps serving.")]
    public static partial void SwapFailed(ILogger logger, Exception exception, string modelName, string alias, string arm, int? toVersion, int? fromVersion);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Model {ModelName}: shadow version {ShadowVersion} disagreed with primary version {PrimaryVersion} (correlation id {CorrelationId}).")]
    public static partial void ShadowDisagreed(ILogger logger, string modelName, int primaryVersion, int shadowVersion, string correlationId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Model {ModelName}: shadow version {ShadowVersion} failed to predict; the primary answer was returned.")]
    public static partial void ShadowFailed(ILogger logger, Exception exception, string modelName, int shadowVersion);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Model {ModelName}: a prediction observer threw; the prediction was returned.")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string modelName);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Model {ModelName}: a prediction observer threw while following the swap to version {ToVersion}; the new version serves.")]
    public static partial void ObserverSwapFailed(ILogger logger, Exception exception, string modelName, int? toVersion);
}
