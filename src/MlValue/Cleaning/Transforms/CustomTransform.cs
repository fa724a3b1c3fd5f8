namespace MlValue.Cleaning.Transforms;

internal sealed class CustomTransform<T>(string name, RecordTransform<T> transform)
    : TransformStep<T>(name, "custom")
    where T : class
{
    public override TransformStatus Apply(ref T record, out string? failureReason)
    {
        var status = transform(ref record, out failureReason);
        if (status == TransformStatus.Failed)
        {
            failureReason ??= "the transform could not fix this record and gave no reason";
        }

        return status;
    }
}
