namespace MlValue.Monitoring.Sketches;

/// <summary>Mergeable summary of a text column: length in characters (a numeric sketch), tokens, and tokens unseen in the reference vocabulary.</summary>
internal sealed class TextSketch
{
    public TextSketch(double[] lengthEdges)
    {
        Length = new NumericSketch(lengthEdges);
    }

    public NumericSketch Length { get; }

    public long Tokens { get; private set; }

    public long UnseenTokens { get; private set; }

    public double UnseenShare => Tokens == 0 ? 0 : (double)UnseenTokens / Tokens;

    public void Add(string? text, int tokens, int unseen)
    {
        if (text is null)
        {
            Length.Add(null);
            return;
        }

        Length.Add(text.Length);
        Tokens += tokens;
        UnseenTokens += unseen;
    }

    public void Merge(TextSketch other)
    {
        Length.Merge(other.Length);
        Tokens += other.Tokens;
        UnseenTokens += other.UnseenTokens;
    }

    public void Reset()
    {
        Length.Reset();
        Tokens = UnseenTokens = 0;
    }

    public void Write(BinaryWriter writer)
    {
        Length.Write(writer);
        writer.Write(Tokens);
        writer.Write(UnseenTokens);
    }

    public void Read(BinaryReader reader)
    {
        Length.Read(reader);
        Tokens = reader.ReadInt64();
        UnseenTokens = reader.ReadInt64();
    }
}
