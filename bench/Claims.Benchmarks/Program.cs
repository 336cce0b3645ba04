using BenchmarkDotNet.Running;
using Claims.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ClaimsBenchmarks).Assembly).Run(args);
