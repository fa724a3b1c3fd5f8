[assembly: Parallelize(Workers = 0, Scope = ExecutionScope.ClassLevel)]
