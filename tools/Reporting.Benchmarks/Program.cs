using BenchmarkDotNet.Running;

// Micro-benchmarks of the ingest phases (issue 13), beside the end-to-end tools/Reporting.LoadRun:
//   dotnet run -c Release --project tools/Reporting.Benchmarks -- --filter '*'
// Each benchmark handles one batch of 5,000 generated records (IngestPhaseBenchmarks.Records).
BenchmarkSwitcher.FromAssembly(typeof(Reporting.Benchmarks.IngestPhaseBenchmarks).Assembly).Run(args);
