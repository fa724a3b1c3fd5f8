namespace MlValue.Monitoring;

/// <summary>One replica's serialised bucket of a monitor, as an <see cref="IMonitorBucketStore"/> keeps it.</summary>
/// <param name="Replica">The replica that recorded the bucket (<c>MonitoringOptions.ReplicaId</c>).</param>
/// <param name="BucketStart">The first instant of the bucket (UTC, on a bucket boundary).</param>
/// <param name="Payload">The bucket in the monitor's binary format, with the fingerprints of the schema and layout it was recorded with.</param>
public sealed record StoredMonitorBucket(string Replica, DateTimeOffset BucketStart, byte[] Payload);
