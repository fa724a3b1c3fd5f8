using System.Globalization;
using System.Text.Json;
using MlValue.AspNetCore.Internal;
using MlValue.Data;

namespace MlValue.AspNetCore.OpenInference;

/// <summary>An OIP inference request read into records: the id, one record per row, and the outputs asked for (null: all).</summary>
internal sealed record InferenceRequest<TIn>(string? Id, TIn[] Rows, IReadOnlyList<OutputTensor> Outputs);

/// <summary>
/// Reads the OIP <c>$inference_request</c>: one input tensor per column (by name, matched as the column model matches
/// names), each of shape <c>[n]</c> or <c>[n, 1]</c> with the same <c>n</c>, its data flat or nested, its datatype one the
/// column can take; every failure names the input, the element or the field.
/// </summary>
internal static class InferenceRequestReader
{
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal) { "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64", "FP16", "FP32", "FP64" };

    public static InferenceRequest<TIn> Read<TIn>(JsonElement root, TensorSchema schema, int maxBatchSize)
        where TIn : class
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("The inference request must be a JSON object with 'inputs'.");
        }

        string? id = null;
        if (root.TryGetProperty("id", out var idElement))
        {
            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : throw Bad("The field 'id' must be a string.");
        }

        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
        {
            throw Bad($"The field 'inputs' is missing or not an array; send one tensor per input: {Names(schema.Inputs.Select(i => i.Name))}.");
        }

        var columns = new Dictionary<InputTensor, List<JsonElement>>();
        int? rows = null;
        foreach (var input in inputs.EnumerateArray())
        {
            var (tensor, data, n) = ReadTensor(input, schema, maxBatchSize);
            if (columns.ContainsKey(tensor))
            {
                throw Bad($"The input '{tensor.Name}' is given twice.");
            }

            if (rows is { } expected && expected != n)
            {
                throw Bad($"The input '{tensor.Name}' has {n} rows but the inputs before it have {expected}; every input tensor holds one element per record.");
            }

            rows = n;
            columns[tensor] = data;
        }

        var missing = schema.Inputs.Where(i => !columns.ContainsKey(i) && !i.AcceptsNull).Select(i => i.Name).ToArray();
        if (missing.Length > 0)
        {
            throw Bad($"The input{(missing.Length == 1 ? string.Empty : "s")} {Names(missing)} {(missing.Length == 1 ? "is" : "are")} missing; the model takes {Names(schema.Inputs.Select(i => $"{i.Name} ({i.Datatype})"))}.");
        }

        if (rows is null)
        {
            throw Bad($"The field 'inputs' is empty; send one tensor per input: {Names(schema.Inputs.Select(i => i.Name))}.");
        }

        var outputs = RequestedOutputs(root, schema);
        var records = new TIn[rows.Value];
        for (var r = 0; r < records.Length; r++)
        {
            var record = Activator.CreateInstance<TIn>();
            foreach (var (tensor, data) in columns)
            {
                tensor.Column.SetValue(record, Convert(data[r], tensor, r));
            }

            records[r] = record;
        }

        return new InferenceRequest<TIn>(id, records, outputs);
    }

    private static (InputTensor Tensor, List<JsonElement> Data, int Rows) ReadTensor(JsonElement input, TensorSchema schema, int maxBatchSize)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw Bad("Each element of 'inputs' must be an object with 'name', 'shape', 'datatype' and 'data'.");
        }

        var name = input.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()!
            : throw Bad("An input has no 'name' (a string).");
        var tensor = schema.FindInput(name)
            ?? throw Bad($"The input '{name}' is not an input of the model; it takes {Names(schema.Inputs.Select(i => i.Name))}.");
        var datatype = input.TryGetProperty("datatype", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()!
            : throw Bad($"The input '{name}' has no 'datatype' (a string such as {tensor.Datatype}).");
        if (!Accepts(tensor, datatype))
        {
            throw Bad($"The input '{name}' has datatype {datatype}, but the column {tensor.Column.Name} ({tensor.Column.Column.Type}) takes {Accepted(tensor)}.");
        }

        if (!input.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array)
        {
            throw Bad($"The input '{name}' has no 'shape' (an array such as [n] or [n, 1]).");
        }

        var dims = new List<long>();
        foreach (var dim in shape.EnumerateArray())
        {
            dims.Add(dim.ValueKind == JsonValueKind.Number && dim.TryGetInt64(out var d) && d >= 0 ? d : throw Bad($"The shape of input '{name}' must hold non-negative whole numbers."));
        }

        if (dims.Count is < 1 or > 2 || (dims.Count == 2 && dims[1] != 1))
        {
            throw Bad($"The input '{name}' has shape [{string.Join(", ", dims)}]; this model takes one element per record: shape [n] or [n, 1].");
        }

        if (dims[0] < 1)
        {
            throw Bad($"The input '{name}' has shape [{string.Join(", ", dims)}]; send at least one record.");
        }

        if (dims[0] > maxBatchSize)
        {
            throw new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, "Batch too large", $"The input '{name}' has {dims[0]} rows; at most {maxBatchSize} are accepted per request (MlValue:AspNetCore:MaxBatchSize).");
        }

        if (!input.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw Bad($"The input '{name}' has no 'data' (an array, flat or nested).");
        }

        var flat = new List<JsonElement>((int)dims[0]);
        Flatten(data, flat);
        if (flat.Count != dims[0])
        {
            throw Bad($"The input '{name}' has shape [{string.Join(", ", dims)}] ({dims[0]} elements) but {flat.Count} data element{(flat.Count == 1 ? string.Empty : "s")}.");
        }

        return (tensor, flat, (int)dims[0]);
    }

    private static void Flatten(JsonElement data, List<JsonElement> flat)
    {
        foreach (var element in data.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                Flatten(element, flat);
            }
            else
            {
                flat.Add(element);
            }
        }
    }

    private static IReadOnlyList<OutputTensor> RequestedOutputs(JsonElement root, TensorSchema schema)
    {
        if (!root.TryGetProperty("outputs", out var outputs))
        {
            return schema.Outputs;
        }

        if (outputs.ValueKind != JsonValueKind.Array)
        {
            throw Bad("The field 'outputs' must be an array of {\"name\": ...} objects.");
        }

        List<OutputTensor> requested = [];
        foreach (var output in outputs.EnumerateArray())
        {
            var name = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : throw Bad("Each element of 'outputs' must be an object with a 'name' (a string).");
            var tensor = schema.Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw Bad($"The output '{name}' is not an output of the model; it gives {Names(schema.Outputs.Select(o => o.Name))}.");
            if (!requested.Contains(tensor))
            {
                requested.Add(tensor);
            }
        }

        return requested.Count == 0 ? schema.Outputs : requested;
    }

    private static bool Accepts(InputTensor tensor, string datatype) => tensor.Datatype switch
    {
        "BYTES" or "BOOL" => string.Equals(datatype, tensor.Datatype, StringComparison.Ordinal),
        _ => Numeric.Contains(datatype),
    };

    private static string Accepted(InputTensor tensor) => tensor.Datatype switch
    {
        "BYTES" or "BOOL" => tensor.Datatype,
        _ => $"{tensor.Datatype} (or another numeric datatype whose values fit)",
    };

    private static object? Convert(JsonElement element, InputTensor tensor, int row)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return tensor.AcceptsNull ? null : throw Bad($"Element {row} of input '{tensor.Name}' is null, but the column {tensor.Column.Name} needs a value.");
        }

        object? value = tensor.Column.Kind switch
        {
            ColumnKind.String when element.ValueKind == JsonValueKind.String => element.GetString(),
            ColumnKind.Boolean when element.ValueKind is JsonValueKind.True or JsonValueKind.False => element.GetBoolean(),
            ColumnKind.Int32 when element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var i) => i,
            ColumnKind.Int64 when element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var l) => l,
            ColumnKind.Single when element.ValueKind == JsonValueKind.Number && element.TryGetSingle(out var f) && float.IsFinite(f) => f,
            ColumnKind.Double when element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var d) => d,
            ColumnKind.Decimal when element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var m) => m,
            ColumnKind.DateTime when element.ValueKind == JsonValueKind.String && element.TryGetDateTime(out var t) => t,
            ColumnKind.DateTimeOffset when element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out var o) => o,
            _ => null,
        };
        return value ?? throw Bad($"Element {row} of input '{tensor.Name}' is {element.GetRawText()}, which the column {tensor.Column.Name} ({tensor.Column.Column.Type}) cannot hold.");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => string.Create(CultureInfo.InvariantCulture, $"'{n}'")));

    private static RequestRejectedException Bad(string message) => RequestRejectedException.BadRequest(message);
}
