using MlValue.Samples.CustomStage;

var root = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mlvalue-custom-stage-" + Environment.ProcessId);
await CustomStageApp.RunAsync(root, Console.Out);
Console.WriteLine($"Registry in {root}");
