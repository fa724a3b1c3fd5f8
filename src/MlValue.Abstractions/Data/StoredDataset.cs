namespace MlValue.Data;

/// <summary>A dataset kept by an <see cref="IDatasetStore"/>.</summary>
/// <param name="Id">The dataset's content id.</param>
/// <param name="Size">The stored (compressed) size in bytes.</param>
/// <param name="StoredAt">When it was stored.</param>
public sealed record StoredDataset(string Id, long Size, DateTimeOffset StoredAt);
