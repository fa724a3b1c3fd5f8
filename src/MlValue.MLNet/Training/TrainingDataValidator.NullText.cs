using System.Globalization;
using System.Reflection;
using Microsoft.ML.Data;

namespace MlValue.Training;

/// <summary>
/// Null text is invisible once rows are in a data view (ML.NET reads it as empty), so records are
/// checked for it directly, streaming.
/// </summary>
internal static partial class TrainingDataValidator
{
    public static void CheckNullText<TRecord>(IEnumerable<TRecord> records, DataRequirements needs, CancellationToken cancellationToken)
        where TRecord : class
    {
        var names = needs.TextColumns.Concat(needs.CategoricalColumns).ToHashSet(StringComparer.Ordinal);
        if (needs.Task == PredictionTask.MulticlassClassification)
        {
            names.Add(needs.LabelColumn);
        }

        var members = SchemaDefinition.Create(typeof(TRecord), SchemaDefinition.Direction.Read)
            .Where(c => names.Contains(c.ColumnName))
            .Select(c => typeof(TRecord).GetProperty(c.MemberName, BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var type } property && type == typeof(string)
                ? (Column: c.ColumnName, Property: property)
                : (Column: c.ColumnName, Property: null))
            .Where(p => p.Property is not null)
            .ToArray();
        var properties = members.Select(m => (m.Column, Property: m.Property!)).ToArray();
        if (properties.Length == 0)
        {
            return;
        }

        long row = 0;
        foreach (var record in records)
        {
            row++;
            if (row % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (record is null)
            {
                throw new TrainingException(string.Create(CultureInfo.InvariantCulture,
                    $"Trainer '{needs.TrainerName}': record {row} (1-based, in training-set order) is null. How to fix: remove null records from the training set."));
            }

            foreach (var (column, property) in properties)
            {
                if (property.GetValue(record) is null)
                {
                    throw new TrainingException(string.Create(CultureInfo.InvariantCulture,
                        $"Trainer '{needs.TrainerName}': the text column '{column}' is null at row {row} (1-based, in training-set order). How to fix: replace null with an empty string (or drop the row) in the cleaning stage."));
                }
            }
        }
    }
}
