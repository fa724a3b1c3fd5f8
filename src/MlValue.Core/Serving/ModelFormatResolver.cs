using MlValue.Training;

namespace MlValue.Serving;

/// <summary>Picks the registered <see cref="IModelFormat"/> by an artifact's format id (the last registered wins).</summary>
internal sealed class ModelFormatResolver
{
    private readonly Dictionary<string, IModelFormat> _formats = new(StringComparer.Ordinal);

    public ModelFormatResolver(IEnumerable<IModelFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        foreach (var format in formats)
        {
            _formats[format.FormatId] = format;
        }
    }

    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(string modelName, int version, ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        if (!_formats.TryGetValue(artifact.FormatId, out var format))
        {
            var known = _formats.Count == 0 ? "none" : string.Join(", ", _formats.Keys.Order(StringComparer.Ordinal));
            throw new UnknownModelFormatException(
                $"Model '{modelName}' version {version} has format '{artifact.FormatId}', but no IModelFormat with that id is registered (known: {known}). " +
                "Register the format in DI as IModelFormat (for example the ML.NET or baseline format), or point the alias at a version in a known format.");
        }

        return format.Load<TInput, TOutput>(artifact);
    }
}
