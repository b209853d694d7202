import Crypto
import Foundation

/// A sweep ready to run: the round read once, the base policy checked.
public struct SweepPlan: Sendable {
    public var spec: SweepSpec
    public var instance: Instance
    /// The base policy as JSON, to which each scenario's changes apply.
    public var baseJSON: JSONValue
    public var basePolicyFile: String
    /// Canonical JSON of the instance, for the input hash of each scenario.
    public var instanceText: String
    public var warnings: [Diagnostic]
    public var readSeconds: Double

    /// Reads the instance and the base policy. Errors in them stop the
    /// sweep (every scenario would fail alike); errors of one scenario do not.
    public static func load(_ spec: SweepSpec) throws(InputError) -> SweepPlan {
        let clock = Stopwatch()
        let (instance, warnings) = try InputLoader.readInstance(spec.instancePath)
        var all = warnings
        if let p = spec.policyPath { all += try PolicyJSONReader.read(path: p, instance: instance).warnings }
        let base = try ScenarioPolicy.baseJSON(path: spec.policyPath)
        return SweepPlan(spec: spec, instance: instance, baseJSON: base, basePolicyFile: spec.policyPath ?? "default policy",
                         instanceText: InstanceJSONWriter.write(instance), warnings: all, readSeconds: clock.elapsed)
    }

    /// The hash `summary.json` records for `policy` on this round: the same
    /// as `allvet solve` gives for the same instance and policy.
    public func inputHash(_ policy: Policy) -> String {
        SweepPlan.hash(instanceText + "\n" + PolicyJSONWriter.write(policy))
    }

    /// Identifies the sweep: the round, the base policy and every scenario.
    /// Shards of one sweep share it; `--merge` refuses folders that differ.
    public var sweepHash: String {
        var text = instanceText + "\n" + baseJSON.prettyText
        for s in spec.scenarios {
            text += "\n" + s.name + "\u{1F}" + s.changes.map { $0.key + "=" + SweepSpec.compactText($0.value) }.joined(separator: "\u{1F}")
        }
        return SweepPlan.hash(text)
    }

    static func hash(_ text: String) -> String {
        "sha256:" + SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The manifest written as `sweep.json` beside the scenario folders.
    public var manifest: SweepManifest {
        SweepManifest(sweepHash: sweepHash, instance: instance.name,
                      scenarios: spec.scenarios.map { s in
                          var swept: [(String, String)] = []
                          for c in s.changes {
                              let text = SweepSpec.compactText(c.value)
                              if let i = swept.firstIndex(where: { $0.0 == c.key }) { swept[i].1 = text } else { swept.append((c.key, text)) }
                          }
                          return SweepManifest.Entry(name: s.name, folder: s.folder, values: swept)
                      })
    }
}

/// `K/N`: this run takes the scenarios whose 0-based index `i` has `i mod N == K`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 0 ≤ K < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0, k < n else { return nil }
        self.init(index: k, count: n)
    }

    public func contains(_ i: Int) -> Bool { i % count == index }
    public var description: String { "\(index)/\(count)" }
}

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

/// Runs the scenarios of a sweep on a fixed pool of worker threads.
///
/// Each worker takes the next scenario and solves it synchronously with
/// `Engine().solve` on its own thread, so a GLPK problem never leaves the
/// thread that made it. Each scenario's results go to
/// `OUT/scenarios/FOLDER/` (written whole or not at all); a scenario whose
/// folder already holds a complete, uninterrupted `summary.json` with the
/// same input hash is skipped, so a stopped sweep resumes where it was.
public struct SweepRunner: Sendable {
    public var plan: SweepPlan
    public var out: String
    public var jobs: Int
    public var shard: Shard?
    public var timeLimit: Double?
    public var mipGap: Double?
    public var pseudonymise = false
    /// Polled by the solver and between scenarios; true stops the sweep.
    public var shouldStop: @Sendable () -> Bool = { false }
    /// Receives one line per finished scenario.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(plan: SweepPlan, out: String, jobs: Int, shard: Shard? = nil) {
        self.plan = plan
        self.out = out
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
        try AtomicFile.write(plan.manifest.json.rendered(), to: URL(fileURLWithPath: out).appendingPathComponent("sweep.json").path)
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
            thread.stackSize = 16 << 20
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
        return "[\(done)/\(total)] \(r.name): \(what) (\(String(format: "%.2f", r.seconds)) s)"
    }

    /// Makes, solves and writes one scenario (on the calling thread).
    public func runScenario(_ index: Int) -> ScenarioRun {
        let clock = Stopwatch()
        let scenario = plan.spec.scenarios[index]
        let folder = scenariosFolder.appendingPathComponent(scenario.folder)
        func done(_ o: ScenarioRun.Outcome) -> ScenarioRun { ScenarioRun(index: index, name: scenario.name, outcome: o, seconds: clock.elapsed) }
        let policy: Policy
        do {
            policy = try ScenarioPolicy.policy(base: plan.baseJSON, changes: scenario.changes, instance: plan.instance,
                                              file: "\(plan.basePolicyFile) (scenario \(scenario.name))")
        } catch {
            return done(writeFailure(error.message, scenario: scenario, folder: folder))
        }
        let hash = plan.inputHash(policy)
        if Self.isComplete(folder, hash: hash) { return done(.skipped) }
        var options = EngineOptions.resolved(policy: policy, timeLimit: timeLimit, mipGap: mipGap)
        options.shouldStop = shouldStop
        let result: RoundResult
        do {
            result = try Engine().solve(plan.instance, policy: policy, options: options)
        } catch {
            return done(writeFailure("the solver failed: \(error)", scenario: scenario, folder: folder))
        }
        var timings = Timings()
        timings.read = plan.readSeconds
        timings.build = result.buildSeconds
        timings.solve = result.levels.map(\.seconds)
        let writeClock = Stopwatch()
        let files = ResultFiles(result: result, inputHash: hash)
        let report = RoundReport(files: files, pseudonymise: pseudonymise).html
        timings.write = writeClock.elapsed
        do {
            Self.removeFailureOnly(folder)
            try ResultsFolder.write([("assignments.csv", files.assignments), ("unplaced.csv", files.unplaced),
                                     ("summary.json", files.summary(timings: timings).rendered()), ("report.html", report),
                                     ("policy.json", PolicyJSONWriter.write(policy))], to: folder.path)
        } catch {
            return done(.failed(error.description))
        }
        return done(.solved(result.status, interrupted: result.interrupted))
    }

    /// Whether `folder` holds a complete, uninterrupted result for `hash`.
    static func isComplete(_ folder: URL, hash: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("summary.json").path),
              let v = try? JSONValue.parse([UInt8](data)).value else { return false }
        guard case .string(let h)? = v["input_hash"]?.content, h == hash else { return false }
        if case .bool(true)? = v["interrupted"]?.content { return false }
        return true
    }

    /// A failing scenario leaves `failure.json` (and nothing else) in its folder.
    func writeFailure(_ message: String, scenario: SweepSpec.Scenario, folder: URL) -> ScenarioRun.Outcome {
        let text = JSONOutput.object([("format", .string(ScenarioFailure.format)), ("scenario", .string(scenario.name)),
                                      ("error", .string(message))]).rendered()
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
        if let items = try? FileManager.default.contentsOfDirectory(atPath: folder.path), items == [ScenarioFailure.file] {
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

/// `sweep.json`: what a sweep folder holds, enough for `--merge` to build
/// the comparison without the sweep file.
public struct SweepManifest: Sendable, Equatable {
    public static let format = "allvet-sweep-run/1"
    public var sweepHash: String
    public var instance: String
    public var scenarios: [Entry]

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var folder: String
        /// Each changed key with its value as compact JSON, in the scenario's order.
        public var values: [(String, String)]
        public static func == (a: Entry, b: Entry) -> Bool {
            a.name == b.name && a.folder == b.folder && a.values.elementsEqual(b.values, by: { $0 == $1 })
        }
    }

    public var json: JSONOutput {
        .object([
            ("format", .string(Self.format)),
            ("sweep_hash", .string(sweepHash)),
            ("instance", .string(instance)),
            ("scenarios", .array(scenarios.map { e in
                .object([("name", .string(e.name)), ("folder", .string(e.folder)),
                         ("values", .array(e.values.map { .object([("key", .string($0.0)), ("value", .string($0.1))]) }))])
            })),
        ])
    }

    /// Reads `DIR/sweep.json`.
    public static func read(folder: String) throws(InputError) -> SweepManifest {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("sweep.json").path
        let bytes = try readInputBytes(path)
        func bad(_ m: String) -> InputError { InputError([Diagnostic(.error, file: path, location: "", message: m)]) }
        guard let v = try? JSONValue.parse(bytes).value else { throw bad("not valid JSON; is this a sweep folder written by allvet sweep?") }
        guard case .string(format)? = v["format"]?.content else { throw bad("expected \"format\": \"\(format)\"; is this a sweep folder written by allvet sweep?") }
        guard case .string(let hash)? = v["sweep_hash"]?.content, case .array(let items)? = v["scenarios"]?.content else { throw bad("missing sweep_hash or scenarios") }
        var entries: [Entry] = []
        for item in items {
            guard case .string(let name)? = item["name"]?.content, case .string(let folder)? = item["folder"]?.content,
                  case .array(let vals)? = item["values"]?.content else { throw bad("a scenario entry lacks name, folder or values") }
            var values: [(String, String)] = []
            for x in vals {
                guard case .string(let k)? = x["key"]?.content, case .string(let t)? = x["value"]?.content else { throw bad("a value lacks key or value") }
                values.append((k, t))
            }
            entries.append(Entry(name: name, folder: folder, values: values))
        }
        var instance = ""
        if case .string(let s)? = v["instance"]?.content { instance = s }
        return SweepManifest(sweepHash: hash, instance: instance, scenarios: entries)
    }
}

/// One file written whole or not at all: into a hidden sibling, then renamed.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try Data(text.utf8).write(to: tmp)
        } catch {
            throw OutputError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
        if rename(tmp.path, url.path) != 0 {
            let e = errno
            try? FileManager.default.removeItem(at: tmp)
            throw OutputError(path: path, message: "cannot move into place (errno \(e))")
        }
    }
}
