using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/K8sBot.Benchmarks -- --filter '*' (add --inProcess on a busy machine)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
