using System.Collections.Concurrent;
using System.Reflection;
using MlValue.Internal;

namespace MlValue.Data;

/// <summary>
/// The columns of a record type: its public instance read-write properties, ordered by name
/// (ordinal), so the schema and the hash do not depend on declaration or reflection order.
/// </summary>
internal sealed class RecordShape
{
    private static readonly ConcurrentDictionary<Type, RecordShape> Cache = new();
    private readonly Dictionary<string, RecordProperty> _byName;
    private readonly Dictionary<string, RecordProperty> _byExactName = new(StringComparer.OrdinalIgnoreCase);
    private Func<object, object>? _copy;

    private RecordShape(Type type, IReadOnlyList<RecordProperty> properties)
    {
        Type = type;
        Properties = properties;
        Schema = new DatasetSchema(properties.Select(p => p.Column).ToArray());
        _byName = new Dictionary<string, RecordProperty>(StringComparer.Ordinal);
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

    public Type Type { get; }

    public IReadOnlyList<RecordProperty> Properties { get; }

    public DatasetSchema Schema { get; }

    public static RecordShape Of<T>() => Of(typeof(T));

    public static RecordShape Of(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>The property a column of a file maps to (see <see cref="ColumnNames"/>), or null.</summary>
    /// <remarks>A name written as declared (case aside) is found without building its key, which is what most files do.</remarks>
    public RecordProperty? Find(string column)
        => _byExactName.GetValueOrDefault(column) ?? _byName.GetValueOrDefault(ColumnNames.Key(column));

    /// <summary>A member-wise copy through a compiled copier (built on first use; the type has a public parameterless constructor).</summary>
    public object Copy(object record) => (_copy ??= RecordAccessors.Copier(Type, Properties))(record);

    private static RecordShape Build(Type type)
    {
        var properties = new List<RecordProperty>();
        foreach (var info in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (info.GetMethod is not { IsPublic: true } || info.SetMethod is not { IsPublic: true } || info.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var underlying = Nullable.GetUnderlyingType(info.PropertyType);
            var kind = ColumnKinds.Of(underlying ?? info.PropertyType)
                ?? throw new DatasetException($"Property '{type.Name}.{info.Name}' has type '{info.PropertyType.Name}', which a dataset column cannot hold. Use {ColumnKinds.Supported}, or make the property read-only to leave it out of the schema.");
            properties.Add(new RecordProperty(info, kind, underlying is not null));
        }

        if (properties.Count == 0)
        {
            throw new DatasetException($"Record type '{type.Name}' has no public read-write properties, so it has no columns. Add public properties with get and set.");
        }

        properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new RecordShape(type, properties);
    }
}
