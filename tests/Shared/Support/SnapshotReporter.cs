using ApprovalTests.Core;

namespace MlValue.Tests.Support;

/// <summary>
/// Reports a snapshot mismatch without opening a diff tool or waiting: the received file is left
/// beside the approved one and the path of both goes to the test output. The test still fails.
/// </summary>
public sealed class SnapshotReporter : IApprovalFailureReporter
{
    public void Report(string approved, string received)
    {
        Console.Error.WriteLine($"Snapshot mismatch. Compare and, if the change is intended, move the received file over the approved one:{Environment.NewLine}  received: {received}{Environment.NewLine}  approved: {approved}");
    }
}
