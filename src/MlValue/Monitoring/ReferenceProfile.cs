namespace MlValue.Monitoring;

/// <summary>
/// The profile of the reference data (usually the training set): the same sketches a monitor keeps per
/// bucket, plus the bin edges and vocabularies the monitor's buckets use. Build it once per model version
/// with <see cref="Build{T}"/> and store it with the model version (<see cref="ToAttachment"/>); a monitor bound to the served
/// model loads it from there, or load it yourself with <see cref="FromBytes"/>.
/// </summary>
public sealed partial class ReferenceProfile
{
    private const string Magic = "MLVREF";

    internal ReferenceProfile(MonitorLayout layout, MonitorBucket data, double[] baselineUnseenShare, bool hasPrediction)
    {
        Layout = layout;
        Data = data;
        BaselineUnseenShare = baselineUnseenShare;
        HasPrediction = hasPrediction;
    }

    /// <summary>The number of reference records.</summary>
    public long RecordCount => Data.Records;

    /// <summary>The profiled feature names, in schema order.</summary>
    public IReadOnlyList<string> FeatureNames => Layout.Names;

    /// <summary>True when the profile includes the prediction distribution.</summary>
    public bool HasPrediction { get; }

    internal MonitorLayout Layout { get; }

    internal MonitorBucket Data { get; }

    /// <summary>Per text feature, the share of held-out reference tokens unseen in the rest of the reference.</summary>
    internal double[] BaselineUnseenShare { get; }

    /// <summary>Serialises the profile (checksummed binary), for example as a model-version attachment.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes() => BinaryFrame.Write(Magic, writer =>
    {
        Layout.Write(writer);
        writer.Write(HasPrediction);
        foreach (var share in BaselineUnseenShare)
        {
            writer.Write(share);
        }

        Data.Write(writer);
    });

    /// <summary>
    /// The name of the model-version attachment that holds a version's reference profile: a monitor bound to a served
    /// model (<c>AddModelMonitor(name, schema, servedModel: …)</c>) reads it from the version being served.
    /// </summary>
    public const string AttachmentName = "reference-profile";

    /// <summary>The profile as a model-version attachment (<see cref="AttachmentName"/>, <see cref="ToBytes"/>), for <c>ModelRegistration.Attachments</c>.</summary>
    /// <returns>The attachment's name and bytes.</returns>
    public KeyValuePair<string, byte[]> ToAttachment() => new(AttachmentName, ToBytes());

    /// <summary>Reads a profile written by <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="MonitoringException">The bytes are not a profile, or are truncated or corrupted.</exception>
    public static ReferenceProfile FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = BinaryFrame.Read(Magic, bytes, "The reference profile");
        try
        {
            var layout = MonitorLayout.Read(reader);
            var hasPrediction = reader.ReadBoolean();
            var baseline = new double[layout.Names.Length];
            for (var i = 0; i < baseline.Length; i++)
            {
                baseline[i] = reader.ReadDouble();
            }

            var data = new MonitorBucket(layout, ReferenceCategoryCap, 0);
            data.Read(reader);
            return new ReferenceProfile(layout, data, baseline, hasPrediction);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new MonitoringException($"The reference profile is truncated or inconsistent ({e.Message}). Rebuild it with ReferenceProfile.Build.", e);
        }
    }

    /// <summary>Throws when this profile was built for another schema.</summary>
    internal void EnsureMatches(string schema, string monitorName)
    {
        if (Layout.Schema != schema)
        {
            throw new MonitoringException($"The reference profile of monitor '{monitorName}' was built for features [{Layout.Schema}] but the monitor's schema is [{schema}]. Rebuild the profile with the same MonitorSchema.");
        }
    }
}
