using System.Text;
using MlValue.Tests.Serving;
using MlValue.Training;

namespace MlValue.Tests.Monitoring;

/// <summary>
/// Format <c>test-classes</c>: the artifact lists class names separated by commas; the model predicts the class at
/// index floor(X) (clamped), as a <see cref="MulticlassPrediction"/>, or X itself as a <see cref="RegressionPrediction"/>.
/// </summary>
internal sealed class ClassFormat : IModelFormat
{
    public const string Id = "test-classes";

    public string FormatId => Id;

    public static byte[] Artifact(params string[] classes) => Encoding.UTF8.GetBytes(string.Join(',', classes));

    public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
        where TInput : class
        where TOutput : class, new()
    {
        var classes = Encoding.UTF8.GetString(artifact.Content.Span).Split(',');
        return typeof(TOutput) == typeof(RegressionPrediction)
            ? (IPredictionModel<TInput, TOutput>)(object)new ValueModel()
            : (IPredictionModel<TInput, TOutput>)(object)new ClassModel(classes);
    }

    private sealed class ClassModel(string[] classes) : IPredictionModel<TestInput, MulticlassPrediction>
    {
        public MulticlassPrediction Predict(TestInput input)
        {
            var index = Math.Clamp((int)input.X, 0, classes.Length - 1);
            var scores = new float[classes.Length];
            scores[index] = 1;
            return new MulticlassPrediction { PredictedLabel = classes[index], Score = scores };
        }

        public void Dispose()
        {
        }
    }

    private sealed class ValueModel : IPredictionModel<TestInput, RegressionPrediction>
    {
        public RegressionPrediction Predict(TestInput input) => new() { Score = input.X };

        public void Dispose()
        {
        }
    }
}
