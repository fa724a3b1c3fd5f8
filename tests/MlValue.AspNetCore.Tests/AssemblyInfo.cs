using ApprovalTests.Reporters;

[assembly: Parallelize(Workers = 0, Scope = ExecutionScope.ClassLevel)]
[assembly: UseReporter(typeof(MlValue.Tests.Support.SnapshotReporter))]
