using MlValue.Training;

namespace MlValue.Serving;

/// <summary>Loads a version's artifact through the <see cref="ModelFormatRegistry"/>, naming the model and version on failure.</summary>
internal sealed class ModelFormatResolver(ModelFormatRegistry formats)
{
    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(string modelName, int version, ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        try
        {
            return formats.Load<TInput, TOutput>(artifact);
        }
        catch (UnknownModelFormatException error)
        {
            throw new UnknownModelFormatException(
                $"Model '{modelName}' version {version} has format '{artifact.FormatId}', but no IModelFormat with that id is registered (known: {string.Join(", ", formats.KnownFormatIds)}). " +
                "Register the format in DI as IModelFormat (for example with AddTraining, which adds the ML.NET and baseline formats), or point the alias at a version in a known format.",
                error);
        }
    }
}
