using System.Globalization;

namespace MlValue.Registry;

/// <summary>
/// What every registry store checks before it registers a version: a trainer name, training-data
/// lineage, finite metrics, non-empty tag keys and allowed attachment names. A store calls
/// <see cref="Check"/> first, so all stores refuse the same registrations with the same message.
/// </summary>
public static class RegistrationRules
{
    /// <summary>Throws a <see cref="ModelRegistryException"/> that says what to fix when <paramref name="registration"/> cannot be registered.</summary>
    /// <param name="registration">The registration.</param>
    /// <param name="model">The model name, already validated with <see cref="RegistryNames.ModelName"/>.</param>
    /// <exception cref="ModelRegistryException">The registration cannot be registered; the message says what to fix.</exception>
    public static void Check(ModelRegistration registration, string model)
    {
        ArgumentNullException.ThrowIfNull(registration.Artifact);
        if (string.IsNullOrWhiteSpace(registration.TrainerName))
        {
            throw new ModelRegistryException($"Model '{model}': the registration has no trainer name. Set ModelRegistration.TrainerName to the trainer that produced the artifact.");
        }

        if (registration.TrainingDatasetIds is not { Count: > 0 } || registration.TrainingDatasetIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ModelRegistryException($"Model '{model}': the registration names no training dataset, so the version could not be traced to its data. Set ModelRegistration.TrainingDatasetIds to the id(s) of the dataset(s) the model was trained on (TrainedModel.DatasetIds, or Dataset<T>.Id); none may be empty.");
        }

        foreach (var name in registration.Attachments.Keys)
        {
            RegistryNames.AttachmentName(name);
        }

        foreach (var (name, value) in registration.Metrics)
        {
            if (string.IsNullOrWhiteSpace(name) || !double.IsFinite(value))
            {
                throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Model '{model}': metric '{name}' = {value} cannot be registered; metric names must not be empty and values must be finite numbers."));
            }
        }

        if (registration.Tags.Keys.Any(string.IsNullOrWhiteSpace))
        {
            throw new ModelRegistryException($"Model '{model}': a tag has an empty key. Give every tag a key.");
        }
    }
}
