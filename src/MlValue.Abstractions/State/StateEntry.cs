namespace MlValue.State;

/// <summary>A state document as loaded: its bytes and the revision to pass back when saving it.</summary>
/// <param name="Content">The document.</param>
/// <param name="Revision">The revision: 1 for the first save, one more per save.</param>
public sealed record StateEntry(ReadOnlyMemory<byte> Content, long Revision);
