using MlValue.Registry;

namespace MlValue.Monitoring;

/// <summary>
/// The reference of the version being served: its <see cref="ReferenceProfile.AttachmentName"/> attachment, loaded from
/// the registry after each swap of the primary arm and handed to the monitor as a rebase. A version without the
/// attachment, with an unreadable one, or one the registry cannot give, rebases to "no reference" with the reason.
/// </summary>
internal sealed class ServedReference(IModelRegistry registry, string modelName)
{
    public string ModelName => modelName;

    public async Task FollowAsync<T>(ModelMonitor<T> monitor, int version, CancellationToken cancellationToken)
    {
        var text = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (profile, reason) = await LoadAsync(version, text, cancellationToken).ConfigureAwait(false);
        Rebase(monitor, text, profile, reason);
    }

    private async Task<(ReferenceProfile? Profile, string? Reason)> LoadAsync(int version, string text, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await registry.LoadAttachmentAsync(modelName, version, ReferenceProfile.AttachmentName, cancellationToken).ConfigureAwait(false);
            return bytes is null
                ? (null, $"version {text} of model '{modelName}' has no '{ReferenceProfile.AttachmentName}' attachment; register it with Attachments = {{ [profile.ToAttachment()] }}")
                : (ReferenceProfile.FromBytes(bytes), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Serving goes on; the monitor says why it has no reference.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return (null, $"the '{ReferenceProfile.AttachmentName}' attachment of version {text} of model '{modelName}' could not be read ({error.GetType().Name}: {error.Message})");
        }
    }

    private static void Rebase<T>(ModelMonitor<T> monitor, string version, ReferenceProfile? profile, string? reason)
    {
        try
        {
            monitor.Rebase(version, profile, reason);
        }
        catch (MonitoringException error)
        {
            monitor.Rebase(version, null, $"the '{ReferenceProfile.AttachmentName}' attachment of version {version} does not fit the monitor ({error.Message})");
        }
    }
}
