// Model building, both ways the engine can solve a round:
// - direct-*: the time-indexed model of model.md (DirectFormulation); its
//   rows, columns and non-zeros are gated exactly.
// - pairs-*: the decomposition's setup, (participant, offer) pairs and
//   capacity groups; reported, not gated (the decomposition is being tuned).
//   The master's own sizes come out of the solve (Solving).
import AllVET
import Benchmark
import BenchmarkRounds

let benchmarks: @Sendable () -> Void = {
    for rung in Rung.building {
        Benchmark(
            "direct-" + rung.name,
            configuration: .init(
                metrics: [.wallClock] + Gated.count("candidates") + Gated.count("rows") + Gated.count("columns") + Gated.count("non-zeros"),
                warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 10
            )
        ) { benchmark in
            let round = try rung.load()
            let candidates = CandidateSet(instance: round.instance, policy: round.policy)
            benchmark.startMeasurement()
            var formulation: DirectFormulation? = nil
            for _ in benchmark.scaledIterations {
                formulation = DirectFormulation(instance: round.instance, policy: round.policy, candidates: candidates)
            }
            benchmark.stopMeasurement()
            guard let model = formulation?.model else { return }
            benchmark.gated("candidates", candidates.stays.count)
            benchmark.gated("rows", model.rowCount)
            benchmark.gated("columns", model.columnCount)
            benchmark.gated("non-zeros", model.nonZeroCount)
        }

        Benchmark(
            "pairs-" + rung.name,
            configuration: .init(
                metrics: [.wallClock, reported("pairs"), reported("groups")],
                warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 20
            )
        ) { benchmark in
            let round = try rung.load()
            let candidates = CandidateSet(instance: round.instance, policy: round.policy)
            benchmark.startMeasurement()
            var result: (PairSet, [CapacityGroup])? = nil
            for _ in benchmark.scaledIterations {
                let pairs = PairSet(candidates: candidates)
                result = (pairs, CapacityGroup.groups(instance: round.instance, candidates: candidates, pairs: pairs))
            }
            benchmark.stopMeasurement()
            guard let (pairs, groups) = result else { return }
            benchmark.report("pairs", pairs.pairs.count)
            benchmark.report("groups", groups.count)
        }
    }
}
