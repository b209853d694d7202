// Solving: Engine().solve with the default method (the pair decomposition),
// on the ladder up to the 1,000 × 250 benchmark round. The optimal value of
// each level is gated exactly (the optima do not depend on how the solver
// gets there); the decomposition's figures (master sizes, solves, nodes)
// are reported only, since they change whenever the solver is tuned.
import AllVET
import Benchmark
import BenchmarkRounds

let benchmarks: @Sendable () -> Void = {
    // Re-planning with locks, bans and a previous round (issue 11): compare with shared-1000x250.
    oneSolve(Replanning.name, goals: ["changes", "placed", "rank"], load: Replanning.load)
    // The rich policy (issue 15, part 2): every goal, `early` included, through the decomposition.
    oneSolve(RichRung.name, goals: RichRung.goals, load: RichRung.load)
    // The default policy (issue 15, part 1): no quotas, the stays crowd the popular hosts.
    oneSolve(DefaultPolicyRung.name, goals: DefaultPolicyRung.goals, load: DefaultPolicyRung.load)
    // Five seeds of one size (issue 15, parts 2 and 3): one round is a sample of one.
    seeds(.benchmark)
    seeds(.rich)
    // 5,000 × 1,200 (issue 15, part 4): `placed` proven by column generation's bound.
    large()
    for rung in Rung.solving {
        let slow = rung.name.hasSuffix("500x120") || rung.name.hasSuffix("1000x250")
        let goals = ["placed", "rank"]  // the objective of the default and of the benchmark policy
        Benchmark(
            rung.name,
            configuration: .init(
                metrics: [.wallClock] + Gated.count("candidates")
                    + goals.enumerated().flatMap { Gated.objective(level: $0 + 1, goal: $1) }
                    + [
                        "optimal levels", "pairs", "groups", "time-indexed groups", "master solves",
                        "master rows", "master columns", "master non-zeros", "nodes",
                    ].map(reported),
                timeUnits: .milliseconds,
                warmupIterations: slow ? 0 : 1,
                maxDuration: .seconds(slow ? 1 : 10),
                maxIterations: slow ? 1 : 5
            )
        ) { benchmark in
            let round = try rung.load()
            precondition(round.policy.objective.map(\.name) == goals, "the ladder's policies are placed, rank")
            benchmark.startMeasurement()
            var result: RoundResult? = nil
            for _ in benchmark.scaledIterations {
                result = try Engine().solve(round.instance, policy: round.policy, options: EngineOptions())
            }
            benchmark.stopMeasurement()
            guard let result else { return }
            benchmark.gated("candidates", result.candidates.stays.count)
            benchmark.report("optimal levels", benchmark.gatedLevels(result, goals: goals))
            if let s = result.decomposition {
                benchmark.report("pairs", s.pairs)
                benchmark.report("groups", s.groups)
                benchmark.report("time-indexed groups", s.timeIndexedGroups)
                benchmark.report("master solves", s.masterSolves)
                benchmark.report("master rows", s.masterRows)
                benchmark.report("master columns", s.masterColumns)
                benchmark.report("master non-zeros", s.masterNonZeros)
                benchmark.report("nodes", s.nodes)
            }
        }
    }
}

/// A benchmark of one timed solve of a round that takes seconds: the
/// optimum of each level gated, the decomposition's counts reported.
func oneSolve(
    _ name: String, goals: [String], load: @escaping @Sendable () throws -> (instance: Instance, policy: Policy)
) {
    Benchmark(
        name,
        configuration: .init(
            metrics: [.wallClock] + goals.enumerated().flatMap { Gated.objective(level: $0 + 1, goal: $1) }
                + ["optimal levels", "time-indexed groups", "master solves", "nodes"].map(reported),
            timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)
    ) { benchmark in
        let round = try load()
        precondition(round.policy.objective.map(\.name) == goals, "\(name): the policy's goals changed")
        benchmark.startMeasurement()
        let result = try Engine().solve(round.instance, policy: round.policy, options: EngineOptions())
        benchmark.stopMeasurement()
        benchmark.report("optimal levels", benchmark.gatedLevels(result, goals: goals))
        benchmark.report("time-indexed groups", result.decomposition?.timeIndexedGroups ?? 0)
        benchmark.report("master solves", result.decomposition?.masterSolves ?? 0)
        benchmark.report("nodes", result.decomposition?.nodes ?? 0)
    }
}

/// A seeds rung (``SeedsRung``): each seed's optimum gated per level
/// (`L1 placed seed 3`), each seed's time, the median and the worst reported
/// in milliseconds. The wall clock is the five solves together.
func seeds(_ rung: SeedsRung) {
    let levels = rung.seeds.flatMap { seed in
        rung.goals.enumerated().map { (level: $0 + 1, goal: "\($1) seed \(seed)") }
    }
    Benchmark(
        rung.name,
        configuration: .init(
            metrics: [.wallClock]
                + levels.flatMap {
                    rung.wideGoals.contains(rung.goals[$0.level - 1])
                        ? Gated.wideObjective(level: $0.level, goal: $0.goal)
                        : Gated.objective(level: $0.level, goal: $0.goal)
                }
                + (rung.seeds.map { "seed \($0) ms" } + ["median ms", "worst ms", "optimal levels"]).map(reported),
            timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)
    ) { benchmark in
        let rounds = try rung.seeds.map { try rung.load(seed: $0) }
        let clock = ContinuousClock()
        var times: [Double] = []
        var results: [RoundResult] = []
        benchmark.startMeasurement()
        for round in rounds {
            let started = clock.now
            results.append(try Engine().solve(round.instance, policy: round.policy, options: EngineOptions()))
            times.append(Double((clock.now - started) / .microseconds(1)) / 1000)
        }
        benchmark.stopMeasurement()
        var optimal = 0
        for (k, result) in results.enumerated() {
            optimal += benchmark.gatedLevels(
                result, goals: rung.goals, suffix: " seed \(rung.seeds[k])", wide: rung.wideGoals)
            benchmark.report("seed \(rung.seeds[k]) ms", Int(times[k].rounded()))
        }
        let (median, worst) = SeedsRung.medianAndWorst(times)
        benchmark.report("median ms", Int(median.rounded()))
        benchmark.report("worst ms", Int(worst.rounded()))
        benchmark.report("optimal levels", optimal)
    }
}

/// The large rungs (``LargeRung``), without and with travel groups: the
/// `placed` optimum gated as a count (`L1 placed /1000`, `L1 placed
/// %1000`; 2,047,999 when not proven), the decomposition's counts reported.
func large() {
    for groups in [false, true] {
        Benchmark(
            LargeRung.name(groups: groups),
            configuration: .init(
                metrics: [.wallClock] + Gated.count("L1 placed")
                    + ["optimal levels", "pairs", "master solves", "nodes"].map(reported),
                timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)
        ) { benchmark in
            let round = try LargeRung.load(groups: groups)
            benchmark.startMeasurement()
            let result = try Engine().solve(
                round.instance, policy: round.policy, options: EngineOptions(timeLimit: LargeRung.timeLimit))
            benchmark.stopMeasurement()
            let level = result.levels[0]
            benchmark.gated("L1 placed", level.status == .optimal ? Int((level.value ?? 0).rounded()) : 2_047_999)
            benchmark.report("optimal levels", result.levels.filter { $0.status == .optimal }.count)
            benchmark.report("pairs", result.decomposition?.pairs ?? 0)
            benchmark.report("master solves", result.decomposition?.masterSolves ?? 0)
            benchmark.report("nodes", result.decomposition?.nodes ?? 0)
        }
    }
}
