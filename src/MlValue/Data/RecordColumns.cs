using System.Collections.Concurrent;
using System.Reflection;
using MlValue.Internal;

namespace MlValue.Data;

/// <summary>
/// The column model of a record type, read once per type and shared by every stage that reads or
/// writes records: the data sources (which map a file's columns to properties), the dataset schema
/// and content id, the ML.NET bridge and the training checks. The columns are the type's public
/// instance read-write properties, ordered by name (ordinal), so the schema and the id do not depend
/// on declaration or reflection order. A column is found by its property name, by the name declared
/// with <c>[ColumnName]</c> or <c>[JsonPropertyName]</c>, or by either written in another case or with
/// the separators <c>_ - .</c> and space (so <c>temp_max</c> finds <c>TempMax</c>).
/// </summary>
public sealed class RecordColumns
{
    private static readonly ConcurrentDictionary<Type, RecordColumns> Cache = new();
    private readonly Dictionary<string, RecordColumn> _byName;
    private readonly Dictionary<string, RecordColumn> _byExactName = new(StringComparer.OrdinalIgnoreCase);
    private Func<object, object>? _copy;

    private RecordColumns(Type type, IReadOnlyList<RecordColumn> properties)
    {
        Type = type;
        Columns = properties;
        Schema = new DatasetSchema(properties.Select(p => p.Column).ToArray());
        _byName = new Dictionary<string, RecordColumn>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            foreach (var name in (string?[])[property.DeclaredColumn, property.Name])
            {
                if (name is null)
                {
                    continue;
                }

                var key = ColumnNames.Key(name);
                if (_byName.TryGetValue(key, out var other) && other != property)
                {
                    throw new DatasetException($"Record type '{type.Name}': properties '{other.Name}' and '{property.Name}' both map to the column '{name}' (files match columns ignoring case and the separators _ - . and space, and by [ColumnName]/[JsonPropertyName]). Rename one of them or give it another [ColumnName].");
                }

                _byName[key] = property;
                _byExactName[name] = property;
            }
        }
    }

    /// <summary>The record type.</summary>
    public Type Type { get; }

    /// <summary>The columns, ordered by property name (ordinal).</summary>
    public IReadOnlyList<RecordColumn> Columns { get; }

    /// <summary>The dataset schema of the type: one <see cref="DatasetColumn"/> per column, in order.</summary>
    public DatasetSchema Schema { get; }

    /// <summary>The column model of <typeparamref name="T"/>, read once and cached.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <returns>The columns.</returns>
    /// <exception cref="DatasetException">A property has a type a column cannot hold, two properties map to one column name, or the type has no read-write property.</exception>
    public static RecordColumns Of<T>() => Of(typeof(T));

    /// <summary>The column model of <paramref name="type"/>, read once and cached.</summary>
    /// <param name="type">The record type.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="DatasetException">A property has a type a column cannot hold, two properties map to one column name, or the type has no read-write property.</exception>
    public static RecordColumns Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(type, Build);
    }

    /// <summary>The column that a column name of a file maps to, or <see langword="null"/>: by property name, by declared name, or by either ignoring case and the separators <c>_ - .</c> and space.</summary>
    /// <param name="column">The column name as written in a file or a schema.</param>
    /// <returns>The column, or <see langword="null"/> when none maps to the name.</returns>
    /// <remarks>A name written as declared (case aside) is found without building its key, which is what most files do.</remarks>
    public RecordColumn? Find(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _byExactName.GetValueOrDefault(column) ?? _byName.GetValueOrDefault(ColumnNames.Key(column));
    }

    /// <summary>A member-wise copy through a compiled copier (built on first use; the type has a public parameterless constructor).</summary>
    internal object Copy(object record) => (_copy ??= RecordAccessors.Copier(Type, Columns))(record);

    private static RecordColumns Build(Type type)
    {
        var properties = new List<RecordColumn>();
        foreach (var info in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (info.GetMethod is not { IsPublic: true } || info.SetMethod is not { IsPublic: true } || info.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var underlying = Nullable.GetUnderlyingType(info.PropertyType);
            var kind = ColumnKinds.Of(underlying ?? info.PropertyType)
                ?? throw new DatasetException($"Property '{type.Name}.{info.Name}' has type '{info.PropertyType.Name}', which a dataset column cannot hold. Use {ColumnKinds.Supported}, or make the property read-only to leave it out of the schema.");
            properties.Add(new RecordColumn(info, kind, underlying is not null));
        }

        if (properties.Count == 0)
        {
            throw new DatasetException($"Record type '{type.Name}' has no public read-write properties, so it has no columns. Add public properties with get and set.");
        }

        properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new RecordColumns(type, properties);
    }
}
