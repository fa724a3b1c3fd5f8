using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlValue.Runs;

/// <summary>What a step reference points at.</summary>
public enum StepReferenceKind
{
    /// <summary>A plain value (a count, a flag, a hash): nothing to resolve.</summary>
    Value,

    /// <summary>A dataset, by its content id (<c>Dataset&lt;T&gt;.Id</c>), resolved through a dataset store.</summary>
    Dataset,

    /// <summary>A registered model version, as <c>model@version</c>, resolved through the model registry.</summary>
    ModelVersion,

    /// <summary>A decision (promote, reject, hold), by its id or verdict.</summary>
    Decision,
}

/// <summary>
/// A typed output of a step (and, when a later step reads it, that step's input): a dataset id, a
/// model version or a decision that any process can resolve, or a plain value. Records keep the kind
/// with the id, so a run read in another process says what each id names.
/// </summary>
[JsonConverter(typeof(StepReferenceJsonConverter))]
public sealed record StepReference
{
    private StepReference(StepReferenceKind kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>What the reference points at.</summary>
    public StepReferenceKind Kind { get; }

    /// <summary>The id: the value itself, the dataset's content id, <c>model@version</c> or the decision.</summary>
    public string Id { get; }

    /// <summary>A plain value.</summary>
    /// <param name="value">The value (may be empty).</param>
    /// <returns>The reference.</returns>
    public static StepReference Value(string value) => new(StepReferenceKind.Value, value ?? string.Empty);

    /// <summary>A dataset by its content id.</summary>
    /// <param name="datasetId">The dataset's content id.</param>
    /// <returns>The reference.</returns>
    public static StepReference Dataset(string datasetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        return new(StepReferenceKind.Dataset, datasetId);
    }

    /// <summary>A registered model version.</summary>
    /// <param name="modelName">The registered model's name.</param>
    /// <param name="version">The version number, from 1.</param>
    /// <returns>The reference, with id <c>model@version</c>.</returns>
    public static StepReference ModelVersion(string modelName, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (modelName.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The model name '{modelName}' contains '@', which separates name and version in a model-version reference; registered model names never contain it.", nameof(modelName));
        }

        return new(StepReferenceKind.ModelVersion, string.Create(CultureInfo.InvariantCulture, $"{modelName}@{version}"));
    }

    /// <summary>A decision.</summary>
    /// <param name="decision">The decision's id or verdict.</param>
    /// <returns>The reference.</returns>
    public static StepReference Decision(string decision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        return new(StepReferenceKind.Decision, decision);
    }

    /// <summary>Creates a reference of a given kind, as read back from a record.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="id">The id.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The id is not valid for the kind.</exception>
    public static StepReference Create(StepReferenceKind kind, string id) => kind switch
    {
        StepReferenceKind.Value => Value(id),
        StepReferenceKind.Dataset => Dataset(id),
        StepReferenceKind.Decision => Decision(id),
        StepReferenceKind.ModelVersion => ParseModelVersion(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use one of the StepReferenceKind values."),
    };

    /// <summary>The model name and version of a <see cref="StepReferenceKind.ModelVersion"/> reference.</summary>
    /// <returns>The model's name and the version number.</returns>
    /// <exception cref="InvalidOperationException">The reference is of another kind.</exception>
    public (string ModelName, int Version) ToModelVersion()
    {
        if (Kind != StepReferenceKind.ModelVersion)
        {
            throw new InvalidOperationException($"The step reference '{this}' is a {Kind} reference, not a model version; read it with Id, or make the producing step return StepReference.ModelVersion(name, version).");
        }

        var at = Id.LastIndexOf('@');
        return (Id[..at], int.Parse(Id.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>The id for a value, otherwise <c>kind:id</c> (for example <c>dataset:ds-1</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        StepReferenceKind.Value => Id,
        StepReferenceKind.ModelVersion => "model-version:" + Id,
        _ => Kind.ToString().ToLowerInvariant() + ":" + Id,
    };

    private static StepReference ParseModelVersion(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var at = id.LastIndexOf('@');
        if (at <= 0 || !int.TryParse(id.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new ArgumentException($"The model-version reference '{id}' is not of the form model@version (a version from 1); the run record's data is damaged or was written by hand.", nameof(id));
        }

        return ModelVersion(id[..at], version);
    }
}

/// <summary>
/// JSON of a <see cref="StepReference"/>: a plain value as a string (the form of records written before
/// references had kinds, which therefore still read as values), any other kind as <c>{"Kind":…,"Id":…}</c>.
/// </summary>
internal sealed class StepReferenceJsonConverter : JsonConverter<StepReference>
{
    public override StepReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return StepReference.Value(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A step reference is a string or an object with Kind and Id, not {reader.TokenType}.");
        }

        StepReferenceKind? kind = null;
        string? id = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "Kind":
                    kind = Enum.TryParse<StepReferenceKind>(reader.GetString(), ignoreCase: false, out var k) && Enum.IsDefined(k)
                        ? k
                        : throw new JsonException($"The step reference kind '{reader.GetString()}' is unknown; expected one of {string.Join(", ", Enum.GetNames<StepReferenceKind>())}.");
                    break;
                case "Id":
                    id = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (kind is null || id is null)
        {
            throw new JsonException("A step reference object needs both Kind and Id.");
        }

        try
        {
            return StepReference.Create(kind.Value, id);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, StepReference value, JsonSerializerOptions options)
    {
        if (value.Kind == StepReferenceKind.Value)
        {
            writer.WriteStringValue(value.Id);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("Kind", value.Kind.ToString());
        writer.WriteString("Id", value.Id);
        writer.WriteEndObject();
    }
}
