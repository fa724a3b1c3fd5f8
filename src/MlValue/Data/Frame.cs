namespace MlValue.Data;

/// <summary>What a <see cref="RecordFramer"/> found.</summary>
internal enum FrameKind
{
    /// <summary>A complete record.</summary>
    Record,

    /// <summary>A line over the bound, skipped; its bytes are not kept.</summary>
    TooLong,

    /// <summary>A CSV line whose quoted field is not closed (by the end of the data, or within the bound); only that line was consumed.</summary>
    UnclosedQuote,
}

/// <summary>One record (without its line break) and the physical lines it spans; the bytes are valid until the next read.</summary>
internal readonly record struct Frame(ReadOnlyMemory<byte> Bytes, int Lines, FrameKind Kind);
