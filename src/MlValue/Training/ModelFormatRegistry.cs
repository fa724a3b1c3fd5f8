namespace MlValue.Training;

/// <summary>
/// Picks the <see cref="IModelFormat"/> of an artifact by its <see cref="ModelArtifact.FormatId"/>.
/// Registered by <c>AddTraining</c> with every <see cref="IModelFormat"/> in the container.
/// </summary>
public sealed class ModelFormatRegistry
{
    private readonly Dictionary<string, IModelFormat> _formats = new(StringComparer.Ordinal);

    /// <summary>Creates the registry.</summary>
    /// <param name="formats">The formats; two with the same id are an error.</param>
    /// <exception cref="ArgumentException">Two formats claim the same id.</exception>
    public ModelFormatRegistry(IEnumerable<IModelFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        foreach (var format in formats)
        {
            if (_formats.TryGetValue(format.FormatId, out var other) && other.GetType() != format.GetType())
            {
                throw new ArgumentException($"Two model formats claim the id '{format.FormatId}': {other.GetType().FullName} and {format.GetType().FullName}. Register only one loader per format id.", nameof(formats));
            }

            _formats[format.FormatId] = format;
        }

        KnownFormatIds = [.. _formats.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The ids of the registered formats, sorted.</summary>
    public IReadOnlyList<string> KnownFormatIds { get; }

    /// <summary>Finds the format with the given id.</summary>
    /// <param name="formatId">The format id.</param>
    /// <returns>The format.</returns>
    /// <exception cref="UnknownModelFormatException">No format has that id; the message lists the known ones.</exception>
    public IModelFormat Resolve(string formatId)
    {
        ArgumentNullException.ThrowIfNull(formatId);
        if (_formats.TryGetValue(formatId, out var format))
        {
            return format;
        }

        var known = KnownFormatIds.Count == 0 ? "none" : string.Join(", ", KnownFormatIds.Select(id => $"'{id}'"));
        throw new UnknownModelFormatException(
            $"No model format is registered for the format id '{formatId}' (known formats: {known}). How to fix: register an IModelFormat for '{formatId}' (services.AddSingleton<IModelFormat, YourFormat>()), or check the artifact's format id.");
    }

    /// <summary>Loads an artifact with the format its id names.</summary>
    /// <typeparam name="TInput">The input record type.</typeparam>
    /// <typeparam name="TOutput">The prediction type.</typeparam>
    /// <param name="artifact">The artifact.</param>
    /// <returns>A fully loaded, thread-safe model.</returns>
    /// <exception cref="ModelLoadException">The format is unknown or the artifact cannot be loaded.</exception>
    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var format = Resolve(artifact.FormatId);
        try
        {
            return format.Load<TInput, TOutput>(artifact);
        }
        catch (Exception error) when (error is not ModelLoadException and not OutOfMemoryException)
        {
            throw new ModelLoadException(
                $"The format '{artifact.FormatId}' ({format.GetType().Name}) failed to load the artifact sha256:{artifact.Sha256[..12]} ({error.GetType().Name}: {error.Message}). How to fix: check the artifact and the format's requirements; the inner exception has the details.",
                error);
        }
    }

    /// <summary>
    /// Loads a trained model as the prediction type its task gives, so the caller cannot match them
    /// wrongly: binary models load as <see cref="BinaryPrediction"/>, multiclass as
    /// <see cref="MulticlassPrediction"/>, regression as <see cref="RegressionPrediction"/>.
    /// </summary>
    /// <typeparam name="TInput">The input record type.</typeparam>
    /// <typeparam name="TOutput">The prediction type; it must be the one of the model's task.</typeparam>
    /// <param name="model">What the trainer returned.</param>
    /// <returns>A fully loaded, thread-safe model.</returns>
    /// <exception cref="ModelLoadException">The prediction type is not the one of the model's task, or the artifact cannot be loaded.</exception>
    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(TrainedModel model)
        where TInput : class
        where TOutput : class, new()
    {
        ArgumentNullException.ThrowIfNull(model);
        var expected = model.Task switch
        {
            PredictionTask.BinaryClassification => typeof(BinaryPrediction),
            PredictionTask.MulticlassClassification => typeof(MulticlassPrediction),
            _ => typeof(RegressionPrediction),
        };
        if (typeof(TOutput) != expected)
        {
            throw new ModelLoadException($"'{model.TrainerName}' is a {model.Task} model and predicts {expected.Name}, but {typeof(TOutput).Name} was asked for. How to fix: load it as IPredictionModel<{typeof(TInput).Name}, {expected.Name}>.");
        }

        return Load<TInput, TOutput>(model.Artifact);
    }
}
