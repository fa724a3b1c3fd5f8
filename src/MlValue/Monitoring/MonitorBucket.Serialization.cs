namespace MlValue.Monitoring;

/// <summary>Binary form of a bucket, for state files and reference profiles.</summary>
internal sealed partial class MonitorBucket
{
    public void Write(BinaryWriter writer)
    {
        writer.Write(Index);
        foreach (var v in new[] { Records, LateAccepted, TooLate, InFuture, InvalidPredictions, UnknownOutcomes, ExpiredOutcomes })
        {
            writer.Write(v);
        }

        for (var i = 0; i < Numeric.Length; i++)
        {
            Numeric[i]?.Write(writer);
            Categorical[i]?.Write(writer);
            Text[i]?.Write(writer);
        }

        Prediction.Write(writer);
        Performance.Write(writer);
        writer.Write(Versions.Count);
        foreach (var pair in Versions)
        {
            writer.Write(pair.Key);
            writer.Write(pair.Value);
        }

        // Multiclass only (a kind that format version 1 did not have), so binary and regression bytes are unchanged.
        PredictedClasses?.Write(writer);
        Classes?.Write(writer);
    }

    public void Read(BinaryReader reader)
    {
        Reset(reader.ReadInt64());
        Records = reader.ReadInt64();
        LateAccepted = reader.ReadInt64();
        TooLate = reader.ReadInt64();
        InFuture = reader.ReadInt64();
        InvalidPredictions = reader.ReadInt64();
        UnknownOutcomes = reader.ReadInt64();
        ExpiredOutcomes = reader.ReadInt64();
        for (var i = 0; i < Numeric.Length; i++)
        {
            Numeric[i]?.Read(reader);
            Categorical[i]?.Read(reader);
            Text[i]?.Read(reader);
        }

        Prediction.Read(reader);
        Performance.Read(reader);
        var versions = reader.ReadInt32();
        for (var i = 0; i < versions; i++)
        {
            Versions[reader.ReadString()] = reader.ReadInt64();
        }

        PredictedClasses?.Read(reader);
        Classes?.Read(reader);
    }
}
