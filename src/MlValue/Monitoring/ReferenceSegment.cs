namespace MlValue.Monitoring;

/// <summary>
/// One entry of a monitor's reference history: the reference (or why there is none) that applies to the buckets
/// from <see cref="FromIndex"/> on, with the bucket layout it fixes and the evaluator that compares windows with it.
/// </summary>
internal sealed class ReferenceSegment
{
    public ReferenceSegment(int id, long fromIndex, string? version, ReferenceProfile? profile, string? reason, MonitorLayout layout, MonitoringOptions options)
    {
        Id = id;
        FromIndex = fromIndex;
        Version = version;
        Profile = profile;
        Bytes = profile?.ToBytes();
        Reason = profile is null ? reason ?? "no reference profile" : null;
        Layout = profile?.Layout ?? layout;
        Evaluator = new DriftEvaluator(profile, options, version, Reason);
    }

    public int Id { get; }

    /// <summary>The first bucket index of the segment (<see cref="long.MinValue"/> for the first entry: every earlier bucket).</summary>
    public long FromIndex { get; }

    public string? Version { get; }

    public ReferenceProfile? Profile { get; }

    /// <summary>The profile's bytes (what the state file keeps), or null without a profile.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Why there is no reference, or null when there is one.</summary>
    public string? Reason { get; }

    public MonitorLayout Layout { get; }

    /// <summary>Not thread-safe: used under the monitor's window lock.</summary>
    public DriftEvaluator Evaluator { get; }

    /// <summary>True when this entry already says what a rebase to (<paramref name="version"/>, <paramref name="bytes"/>, <paramref name="reason"/>) would.</summary>
    public bool Says(string? version, byte[]? bytes, string? reason)
        => Version == version && (Bytes is null ? bytes is null && Reason == (reason ?? "no reference profile") : bytes is not null && Bytes.AsSpan().SequenceEqual(bytes));

    /// <summary>Writes the history (format 3): per entry its start, version, and profile bytes or reason.</summary>
    public static void WriteHistory(BinaryWriter writer, ReferenceSegment[] segments)
    {
        writer.Write(segments.Length);
        foreach (var s in segments)
        {
            writer.Write(s.FromIndex);
            writer.Write(s.Version is not null);
            writer.Write(s.Version ?? string.Empty);
            writer.Write(s.Bytes is not null);
            if (s.Bytes is { } bytes)
            {
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
            else
            {
                writer.Write(s.Reason!);
            }
        }
    }

    /// <summary>Reads a history written by <see cref="WriteHistory"/>; a profile for another schema is an error.</summary>
    public static ReferenceSegment[] ReadHistory(BinaryReader reader, MonitorLayout empty, MonitoringOptions options, string monitorName)
    {
        var count = reader.ReadInt32();
        if (count < 1)
        {
            throw new InvalidDataException($"The reference history has {count} entries.");
        }

        var segments = new ReferenceSegment[count];
        for (var i = 0; i < count; i++)
        {
            var from = reader.ReadInt64();
            var version = reader.ReadBoolean() ? reader.ReadString() : Skip(reader.ReadString());
            ReferenceProfile? profile = null;
            string? reason = null;
            if (reader.ReadBoolean())
            {
                profile = ReferenceProfile.FromBytes(reader.ReadBytes(reader.ReadInt32()));
                profile.EnsureMatches(empty.Schema, monitorName);
            }
            else
            {
                reason = reader.ReadString();
            }

            segments[i] = new ReferenceSegment(i, from, version, profile, reason, empty, options);
        }

        return segments;

        static string? Skip(string _) => null;
    }

    public MonitorReference ToPublic(long width) => new()
    {
        Version = Version,
        From = FromIndex == long.MinValue ? null : new DateTimeOffset(FromIndex * width, TimeSpan.Zero),
        Profile = Profile,
        Reason = Reason,
    };
}
