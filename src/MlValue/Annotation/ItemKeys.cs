namespace MlValue.Annotation;

/// <summary>Reads item ids through a key selector and rejects empty or repeated ids.</summary>
internal static class ItemKeys
{
    public static List<(string Id, T Item)> Collect<T>(IEnumerable<T> items, Func<T, string> itemId, string where)
    {
        ArgumentNullException.ThrowIfNull(items);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<(string, T)>();
        var position = 0;
        foreach (var item in items)
        {
            var id = itemId(item);
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new AnnotationException($"{where}: item at position {position} has an empty id; the key selector must return a non-empty, unique id for every item.");
            }

            if (!seen.Add(id))
            {
                throw new AnnotationException($"{where}: item id '{id}' appears more than once (again at position {position}); give every item a unique id or de-duplicate the items first.");
            }

            list.Add((id, item));
            position++;
        }

        return list;
    }
}
