using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlValue.Training;

/// <summary>
/// Checks the training data once, streaming, before ML.NET sees it: columns present with the right
/// types, a non-empty set, at least two classes, no NaN in numeric features, no null text.
/// </summary>
internal static partial class TrainingDataValidator
{
    public static void CheckSchema(DataViewSchema schema, DataRequirements needs)
    {
        var label = Find(schema, needs, needs.LabelColumn, "label column");
        var expected = needs.Task switch
        {
            PredictionTask.BinaryClassification => BooleanDataViewType.Instance,
            PredictionTask.MulticlassClassification => (DataViewType)TextDataViewType.Instance,
            _ => NumberDataViewType.Single,
        };
        if (!label.Type.Equals(expected))
        {
            var clrType = needs.Task switch
            {
                PredictionTask.BinaryClassification => "bool",
                PredictionTask.MulticlassClassification => "string",
                _ => "float",
            };
            throw new TrainingException(string.Create(CultureInfo.InvariantCulture,
                $"Trainer '{needs.TrainerName}': the label column '{needs.LabelColumn}' is {label.Type} but {needs.Task} needs {expected}. How to fix: declare the label as {clrType} in the record type (or convert it before training), or set LabelColumn to the right column."));
        }

        foreach (var name in needs.TextColumns)
        {
            var column = Find(schema, needs, name, "text column");
            if (!column.Type.Equals(TextDataViewType.Instance))
            {
                throw WrongType(needs, name, column.Type, "text", "string");
            }
        }

        foreach (var name in needs.NumericColumns)
        {
            var column = Find(schema, needs, name, "numeric column");
            if ((column.Type is VectorDataViewType vector ? vector.ItemType : column.Type) != NumberDataViewType.Single)
            {
                throw WrongType(needs, name, column.Type, "numeric", "float (or float[])");
            }
        }

        foreach (var name in needs.CategoricalColumns)
        {
            var column = Find(schema, needs, name, "categorical column");
            if (!column.Type.Equals(TextDataViewType.Instance))
            {
                throw WrongType(needs, name, column.Type, "categorical", "string");
            }
        }
    }

    private static DataViewSchema.Column Find(DataViewSchema schema, DataRequirements needs, string name, string role)
    {
        if (schema.GetColumnOrNull(name) is { IsHidden: false } column)
        {
            return column;
        }

        var known = string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
        throw new TrainingException(
            $"Trainer '{needs.TrainerName}': the {role} '{name}' is not in the training data (its columns are {known}). How to fix: set the {role} option to one of these names, or add the column (a property of that name, or [ColumnName(\"{name}\")] on one).");
    }

    private static TrainingException WrongType(DataRequirements needs, string name, DataViewType actual, string role, string clrType)
        => new(string.Create(CultureInfo.InvariantCulture,
            $"Trainer '{needs.TrainerName}': the {role} column '{name}' is {actual}, but a {role} column must be {clrType}. How to fix: convert it before training or list it under the right kind of column."));
}
