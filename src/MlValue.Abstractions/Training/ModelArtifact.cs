using System.Security.Cryptography;

namespace MlValue.Training;

/// <summary>
/// A trained model as bytes, tagged with the format that can load it (for example
/// <c>mlnet-zip</c> for an ML.NET model, <c>mlvalue-baseline-json</c> for the no-ML baseline).
/// </summary>
public sealed class ModelArtifact
{
    private readonly byte[] _content;

    /// <summary>Creates an artifact.</summary>
    /// <param name="formatId">The id of the <see cref="IModelFormat"/> that loads it.</param>
    /// <param name="content">The bytes; copied, so later changes to the array do not change the artifact.</param>
    public ModelArtifact(string formatId, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(formatId);
        FormatId = formatId;
        _content = content.ToArray();
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(_content));
    }

    /// <summary>The id of the <see cref="IModelFormat"/> that loads this artifact.</summary>
    public string FormatId { get; }

    /// <summary>The artifact's bytes.</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <summary>The SHA-256 of <see cref="Content"/> in lower-case hex: the artifact's content address.</summary>
    public string Sha256 { get; }

    /// <summary>Opens the content as a read-only stream.</summary>
    /// <returns>A stream over the bytes.</returns>
    public Stream OpenRead() => new MemoryStream(_content, writable: false);
}
