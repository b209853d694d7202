import Foundation
import PlacementCSV
import LinearModel
import PlacementEngine
import PlacementModel
import PlacementResults

/// What became of one scenario in a run.
public struct ScenarioRun: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Solved now, with this status.
        case solved(RoundStatus, interrupted: Bool)
        /// Its folder already held a complete result for the same input.
        case skipped
        /// Its policy could not be made, or the solver or the output failed.
        case failed(String)
    }

    public var index: Int
    public var name: String
    public var outcome: Outcome
    public var seconds: Double
}

/// Runs the scenarios of a sweep, each in a child process of its own.
///
/// Each scenario is solved by `allvet solve` (``executable``) on the round
/// with the scenario's policy: the same publisher as a single solve, so its
/// results are verified before they are written, and a scenario whose
/// process dies (GLPK aborts the process on invalid data) is reported as
/// failed while the others finish — as a Slurm array runs them anyway.
/// `jobs` processes run at once. Each scenario's results go to
/// `OUT/scenarios/FOLDER/` (written whole or not at all); a scenario whose
/// folder already holds a complete, uninterrupted `summary.json` with the
/// same input hash is skipped, so a stopped sweep resumes where it was.
public struct SweepRunner: Sendable {
    public var plan: SweepPlan
    public var out: String
    /// The `allvet` executable that solves each scenario.
    public var executable: String
    public var jobs: Int
    public var shard: Shard?
    public var timeLimit: Double?
    public var mipGap: Double?
    public var pseudonymise = false
    /// Passed on to each scenario's solve (`--csv-dialect`).
    public var csvDialect = CSVOutputDialect.rfc4180
    /// The scenarios' report language (`--lang`; a code such as `es`), passed on to `allvet solve`.
    public var reportLanguage: String? = nil
    /// Polled while scenarios run; true interrupts the running ones (each
    /// writes its best solution so far) and starts no more.
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Receives one line per finished scenario.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(plan: SweepPlan, out: String, executable: String, jobs: Int, shard: Shard? = nil) {
        self.plan = plan
        self.out = out
        self.executable = executable
        self.jobs = max(1, jobs)
        self.shard = shard
    }

    /// The indices of the scenarios this run takes.
    public var indices: [Int] { plan.spec.scenarios.indices.filter { shard?.contains($0) ?? true } }

    public var scenariosFolder: URL { URL(fileURLWithPath: out).appendingPathComponent("scenarios") }

    /// Runs the scenarios, writes `sweep.json`, and returns what became of
    /// each (in scenario order). Throws only when the sweep folder cannot be written.
    public func run() throws(OutputError) -> [ScenarioRun] {
        do {
            try FileManager.default.createDirectory(at: scenariosFolder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: out, message: "cannot create the sweep folder: \(error.localizedDescription)")
        }
        let manifest = URL(fileURLWithPath: out).appendingPathComponent("sweep.json").path
        try OutputFiles.writeFile(Array(plan.manifest.json.rendered().utf8), to: manifest, force: true)
        let todo = indices
        let state = PoolState(total: todo.count)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, todo.count) {
            group.enter()
            let thread = Thread {
                while !shouldStop(), let k = state.next() {
                    let r = runScenario(todo[k])
                    state.finish(r) { done, total in progress(Self.progressLine(r, done: done, total: total)) }
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return state.results.sorted { $0.index < $1.index }
    }

    static func progressLine(_ r: ScenarioRun, done: Int, total: Int) -> String {
        let what: String
        switch r.outcome {
        case .skipped: what = "already done, skipped"
        case .failed(let m): what = "failed: \(m)"
        case .solved(let s, let interrupted): what = s.rawValue + (interrupted ? " (interrupted)" : "")
        }
        return "[\(done)/\(total)] \(r.name): \(what) (\(NumberText.fixed(r.seconds, digits: 2)) s)"
    }

    /// Makes, solves and writes one scenario (on the calling thread).
    public func runScenario(_ index: Int) -> ScenarioRun {
        let clock = Stopwatch()
        let scenario = plan.spec.scenarios[index]
        let folder = scenariosFolder.appendingPathComponent(scenario.folder)
        func done(_ o: ScenarioRun.Outcome) -> ScenarioRun {
            ScenarioRun(index: index, name: scenario.name, outcome: o, seconds: clock.elapsed)
        }
        let policy: Policy
        do {
            policy = try ScenarioPolicy.policy(
                base: plan.baseJSON, changes: scenario.changes, instance: plan.instance,
                file: "\(plan.basePolicyFile) (scenario \(scenario.name))")
        } catch {
            return done(writeFailure(error.message, scenario: scenario, folder: folder))
        }
        let hash = plan.inputHash(policy)
        if Self.isComplete(folder, hash: hash) { return done(.skipped) }
        Self.removeFailureOnly(folder)
        let policyFile = scenariosFolder.appendingPathComponent(".\(scenario.folder).policy-\(getpid()).json")
        do {
            try OutputFiles.writeFile(Array(PolicyJSONWriter.write(policy).utf8), to: policyFile.path, force: true)
        } catch {
            return done(.failed(error.description))
        }
        defer { try? FileManager.default.removeItem(at: policyFile) }
        var arguments = [
            "solve", plan.spec.instancePath, "--policy", policyFile.path, "--out", folder.path, "--quiet",
            "--keep-policy",
        ]
        if plan.encoding != .automatic { arguments += ["--encoding", plan.encoding.rawValue] }
        if let f = plan.spec.fundingPath { arguments += ["--funding", f] }
        if let t = timeLimit { arguments += ["--time-limit", String(t)] }
        if let g = mipGap { arguments += ["--gap", String(g)] }
        if pseudonymise { arguments.append("--pseudonymise") }
        if csvDialect != .rfc4180 { arguments += ["--csv-dialect", csvDialect.rawValue] }
        if let reportLanguage { arguments += ["--lang", reportLanguage] }
        let child: ScenarioProcess.Ending
        do {
            let errorFile = scenariosFolder.appendingPathComponent(".\(scenario.folder).stderr-\(getpid())")
            child = try ScenarioProcess.run(executable, arguments, errorFile: errorFile, shouldStop: shouldStop)
        } catch {
            return done(
                writeFailure(
                    "cannot start \(executable): \(error.localizedDescription)", scenario: scenario, folder: folder))
        }
        switch child {
        case .exited(let code, let message) where ScenarioProcess.wroteResults(code):
            guard let status = Self.status(folder) else {
                return done(
                    writeFailure(
                        "allvet solve exited \(code) without results: \(message)", scenario: scenario, folder: folder))
            }
            if code == ScenarioProcess.verificationFailed { return done(.failed("verification failed: \(message)")) }
            return done(.solved(status.status, interrupted: status.interrupted))
        case .exited(let code, let message):
            return done(
                writeFailure(
                    message.isEmpty ? "allvet solve exited \(code)" : message, scenario: scenario, folder: folder))
        case .signalled(let signal, let message):
            let text = "the solving process died (signal \(signal))" + (message.isEmpty ? "" : ": \(message)")
            return done(writeFailure(text, scenario: scenario, folder: folder))
        }
    }

    /// The status a scenario's `summary.json` records.
    static func status(_ folder: URL) -> (status: RoundStatus, interrupted: Bool)? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("summary.json").path),
            let v = try? JSONValue.parse([UInt8](data)).value,
            case .string(let s)? = v["status"]?.content, let status = RoundStatus(rawValue: s)
        else { return nil }
        if case .bool(true)? = v["interrupted"]?.content { return (status, true) }
        return (status, false)
    }

    /// Whether `folder` holds a complete, uninterrupted result for `hash`.
    static func isComplete(_ folder: URL, hash: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("summary.json").path),
            let v = try? JSONValue.parse([UInt8](data)).value
        else { return false }
        guard case .string(let h)? = v["input_hash"]?.content, h == hash else { return false }
        if case .bool(true)? = v["interrupted"]?.content { return false }
        return true
    }

    /// A failing scenario leaves `failure.json` (and nothing else) in its folder.
    func writeFailure(_ message: String, scenario: SweepSpec.Scenario, folder: URL) -> ScenarioRun.Outcome {
        let text = JSONOutput.object([
            ("format", .string(ScenarioFailure.format)), ("scenario", .string(scenario.name)),
            ("error", .string(message)),
        ]).rendered()
        do {
            Self.removeFailureOnly(folder)
            try ResultsFolder.write([("failure.json", text)], to: folder.path)
        } catch {
            return .failed(message + " (and its failure could not be recorded: \(error))")
        }
        return .failed(message)
    }

    /// Removes a folder that holds only an earlier `failure.json`.
    static func removeFailureOnly(_ folder: URL) {
        if let items = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
            items == [ScenarioFailure.file]
        {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}

/// The record a failing scenario leaves in its folder.
public enum ScenarioFailure {
    public static let format = "allvet-sweep-failure/1"
    public static let file = "failure.json"
}

/// The next scenario for each worker, and what the workers report.
private final class PoolState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var finished = 0
    private let total: Int
    private var collected: [ScenarioRun] = []

    init(total: Int) { self.total = total }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < total else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Records `r` and calls `report` under the lock, so lines never interleave.
    func finish(_ r: ScenarioRun, report: (Int, Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        collected.append(r)
        finished += 1
        report(finished, total)
    }

    var results: [ScenarioRun] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
