using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Comments.Bench.Scoring;

// `-- semantic`: the semantic stage's cost and memory, outside BenchmarkDotNet (SemanticCost).
if (args is ["semantic"]) { SemanticCost.Run(); return; }

// Short job: one launch, 3 warm-ups, 8 measured iterations (a few minutes in all on 2 cores).
TextbookBaseline.EnsureTrained();
var config = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8));
BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args, config);
