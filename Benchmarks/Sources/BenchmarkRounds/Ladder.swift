import AllVET
import Foundation
import RoundGenerator

/// One rung of the benchmark ladder: a generated round (seed 1, default
/// policy, as `instances/synthetic-*.json`) or a round of the shared
/// benchmark folder with its `policy.json` (optima in its README).
public struct Rung: Sendable {
    public enum Source: Sendable {
        case generated(participants: Int, hosts: Int)
        /// A file of the shared folder, e.g. `round-500x120.json`; generated
        /// at the same size under the benchmark policy when the folder is missing.
        case shared(file: String, participants: Int, hosts: Int)
    }

    public let source: Source

    public static let tiny = Rung(source: .generated(participants: 20, hosts: 5))
    public static let small = Rung(source: .generated(participants: 100, hosts: 25))
    public static let medium = Rung(source: .generated(participants: 200, hosts: 50))
    public static let benchmark500 = Rung(source: .shared(file: "round-500x120.json", participants: 500, hosts: 120))
    public static let benchmark1000 = Rung(source: .shared(file: "round-1000x250.json", participants: 1000, hosts: 250))

    /// Reading, candidates and model building: cheap enough for the largest round.
    public static let building: [Rung] = [.tiny, .small, .medium, .benchmark500, .benchmark1000]
    /// Solving: every rung, up to the 1,000 × 250 benchmark round (about 10 s).
    public static let solving: [Rung] = [.tiny, .small, .medium, .benchmark500, .benchmark1000]

    /// The shared file when it is there.
    public var sharedPath: String? {
        guard case .shared(let file, _, _) = source, let folder = SharedFolder.path else { return nil }
        let path = folder + "/" + file
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The benchmark's name; thresholds files are keyed by it, so a fallback
    /// round gets a different name and is reported, not checked.
    public var name: String {
        switch source {
        case .generated(let p, let h): "generated-\(p)x\(h)"
        case .shared(_, let p, let h): sharedPath != nil ? "shared-\(p)x\(h)" : "fallback-generated-\(p)x\(h)"
        }
    }

    /// Reads or generates the round (not timed by the benchmarks that call it).
    public func load() throws -> (instance: Instance, policy: Policy) {
        switch source {
        case .generated(let p, let h):
            return (RoundGenerator(participants: p, hosts: h, seed: 1).generate(), .default)
        case .shared(_, let p, let h):
            if let path = sharedPath {
                let instance = try InstanceJSONReader.read(path: path).0
                let policy = try PolicyJSONReader.read(path: SharedFolder.path! + "/policy.json", instance: instance).0
                return (instance, policy)
            }
            let instance = RoundGenerator(participants: p, hosts: h, seed: 1).generate()
            let policy = try PolicyJSONReader.read(
                data: Array(SharedFolder.benchmarkPolicy.utf8), file: "policy.json", instance: instance
            ).0
            return (instance, policy)
        }
    }
}

/// The shared benchmark rounds: `$ALLVET_BENCHMARK_ROUNDS`, else
/// `shared/benchmarks` next to the repository (CI's `../shared`).
public enum SharedFolder {
    public static let path: String? = {
        if let env = ProcessInfo.processInfo.environment["ALLVET_BENCHMARK_ROUNDS"], !env.isEmpty {
            return FileManager.default.fileExists(atPath: env) ? env : nil
        }
        // This file is Benchmarks/Sources/BenchmarkRounds/Ladder.swift.
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = repository.deletingLastPathComponent().appendingPathComponent("shared/benchmarks").path
        return FileManager.default.fileExists(atPath: folder + "/policy.json") ? folder : nil
    }()

    /// The shared folder's `policy.json`, for the fallback rounds.
    static let benchmarkPolicy = """
        {"format": "allvet-policy/1",
         "objective": [{"goal": "placed"}, {"goal": "rank"}],
         "quotas": [
          {"name": "fewer-opportunities", "who": {"fewer_opportunities": true}, "min_share": 0.3},
          {"name": "mixed-groups", "within": ["host", "country"], "max_count": 2}]}
        """
}
