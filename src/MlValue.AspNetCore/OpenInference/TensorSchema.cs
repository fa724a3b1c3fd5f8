using System.Reflection;
using System.Text.Json;
using MlValue.Data;

namespace MlValue.AspNetCore.OpenInference;

/// <summary>One input tensor: a column of the input record type.</summary>
internal sealed record InputTensor(string Name, RecordColumn Column, string Datatype, bool AcceptsNull);

/// <summary>One output tensor: a readable property of the output type (a scalar, or a <c>float[]</c>/<c>double[]</c> per record).</summary>
internal sealed record OutputTensor(string Name, PropertyInfo Property, string Datatype, bool IsVector);

/// <summary>
/// The OIP tensors of a model: one input per column of <c>RecordColumns.Of&lt;TIn&gt;()</c> and one output per readable
/// property of <c>TOut</c>, named as the app's JSON options name them, with OIP datatypes (BYTES, BOOL, INT32, INT64, FP32, FP64).
/// </summary>
internal sealed class TensorSchema
{
    private static readonly NullabilityInfoContext Nullability = new();

    private TensorSchema(RecordColumns columns, IReadOnlyList<InputTensor> inputs, IReadOnlyList<OutputTensor> outputs)
    {
        Columns = columns;
        Inputs = inputs;
        Outputs = outputs;
    }

    public RecordColumns Columns { get; }

    public IReadOnlyList<InputTensor> Inputs { get; }

    public IReadOnlyList<OutputTensor> Outputs { get; }

    public static TensorSchema For(Type input, Type output, JsonSerializerOptions json)
    {
        var columns = RecordColumns.Of(input);
        var inputs = columns.Columns
            .Select(c => new InputTensor(c.DeclaredColumn ?? Internal.JsonNames.Of(c.Property, json), c, Datatype(c.Kind), AcceptsNull(c)))
            .ToArray();
        List<OutputTensor> outputs = [];
        foreach (var property in output.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var datatype = ScalarDatatype(type) ?? (type.IsArray ? ScalarDatatype(type.GetElementType()!) : null);
            if (datatype is null || (type.IsArray && type.GetElementType() != typeof(float) && type.GetElementType() != typeof(double)))
            {
                continue;
            }

            outputs.Add(new OutputTensor(Internal.JsonNames.Of(property, json), property, datatype, type.IsArray));
        }

        if (outputs.Count == 0)
        {
            throw new InvalidOperationException($"The output type '{output.Name}' has no public property that an OIP tensor can hold (string, bool, int, long, float, double, decimal, DateTime, DateTimeOffset, float[] or double[]), so the model would answer nothing. Add one.");
        }

        return new TensorSchema(columns, inputs, outputs);
    }

    public InputTensor? FindInput(string name)
    {
        var column = Columns.Find(name);
        return column is null ? null : Inputs.FirstOrDefault(i => ReferenceEquals(i.Column, column));
    }

    /// <summary>True when a missing value is allowed: nullable value types and strings declared nullable.</summary>
    public static bool AcceptsNull(RecordColumn column)
        => column.IsNullable || (column.Kind == ColumnKind.String && Nullability.Create(column.Property).WriteState != NullabilityState.NotNull);

    public static string Datatype(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => "BOOL",
        ColumnKind.Int32 => "INT32",
        ColumnKind.Int64 => "INT64",
        ColumnKind.Single => "FP32",
        ColumnKind.Double or ColumnKind.Decimal => "FP64",
        _ => "BYTES",
    };

    private static string? ScalarDatatype(Type type)
    {
        if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "BYTES";
        }

        if (type == typeof(bool))
        {
            return "BOOL";
        }

        if (type == typeof(int))
        {
            return "INT32";
        }

        if (type == typeof(long))
        {
            return "INT64";
        }

        if (type == typeof(float))
        {
            return "FP32";
        }

        return type == typeof(double) || type == typeof(decimal) ? "FP64" : null;
    }
}
