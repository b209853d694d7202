// Candidate generation (model.md, filters 1–9): CandidateSet(instance:policy:).
// The number of time-indexed candidates is gated exactly.
import AllVET
import Benchmark
import BenchmarkRounds

let benchmarks: @Sendable () -> Void = {
    for rung in Rung.building {
        Benchmark(
            rung.name,
            configuration: .init(
                metrics: [.wallClock] + Gated.count("candidates") + [reported("participants with a candidate")],
                warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 20
            )
        ) { benchmark in
            let round = try rung.load()
            benchmark.startMeasurement()
            var candidates: CandidateSet? = nil
            for _ in benchmark.scaledIterations {
                candidates = CandidateSet(instance: round.instance, policy: round.policy)
            }
            benchmark.stopMeasurement()
            guard let candidates else { return }
            benchmark.gated("candidates", candidates.stays.count)
            let start = candidates.participantStart
            benchmark.report("participants with a candidate", zip(start, start.dropFirst()).filter { $0 < $1 }.count)
        }
    }
}
