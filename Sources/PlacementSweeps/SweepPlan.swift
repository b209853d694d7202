import Crypto
import Foundation
import LinearModel
import PlacementCSV
import PlacementEngine
import PlacementModel
import PlacementResults

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
    /// The CSV folder's encoding (`--encoding`), passed on to every scenario's solve.
    public var encoding: CSVEncoding = .automatic

    /// Reads the instance and the base policy. Errors in them stop the
    /// sweep (every scenario would fail alike); errors of one scenario do not.
    public static func load(_ spec: SweepSpec, encoding: CSVEncoding = .automatic) throws(InputError) -> SweepPlan {
        let clock = Stopwatch()
        var (instance, warnings) = try InputLoader.readInstance(spec.instancePath, encoding: encoding)
        var all = warnings
        if let f = spec.fundingPath {
            // The money of rounds.md section 4; the scenarios' budgets are each solve's to check.
            let (funding, w) = try FundingJSONReader.read(path: f, instance: instance)
            instance.funding = funding
            all += w
            let errors = FundingCheck.errors(instance, fundingFile: f)
            if !errors.isEmpty { throw InputError(all + errors) }
        }
        if let p = spec.policyPath { all += try PolicyJSONReader.read(path: p, instance: instance).warnings }
        let base = try ScenarioPolicy.baseJSON(path: spec.policyPath)
        return SweepPlan(
            spec: spec, instance: instance, baseJSON: base, basePolicyFile: spec.policyPath ?? "default policy",
            instanceText: InstanceJSONWriter.write(instance), warnings: all, readSeconds: clock.elapsed,
            encoding: encoding)
    }

    /// The hash `summary.json` records for `policy` on this round: the same
    /// as `allvet solve` gives for the same instance and policy.
    public func inputHash(_ policy: Policy) -> String {
        LoadedInput.hash(instance: instance, policy: policy)
    }

    /// Identifies the sweep: the round, the base policy and every scenario.
    /// Shards of one sweep share it; `--merge` refuses folders that differ.
    public var sweepHash: String {
        var text = instanceText + "\n" + baseJSON.prettyText
        if let f = instance.funding { text += "\n" + f.canonicalText }
        for s in spec.scenarios {
            text +=
                "\n" + s.name + "\u{1F}"
                + s.changes.map { $0.key + "=" + SweepSpec.compactText($0.value) }.joined(separator: "\u{1F}")
        }
        return SweepPlan.hash(text)
    }

    static func hash(_ text: String) -> String {
        "sha256:" + SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The manifest written as `sweep.json` beside the scenario folders.
    public var manifest: SweepManifest {
        SweepManifest(
            sweepHash: sweepHash, instance: instance.name,
            scenarios: spec.scenarios.map { s in
                var swept: [(String, String)] = []
                for c in s.changes {
                    let text = SweepSpec.compactText(c.value)
                    if let i = swept.firstIndex(where: { $0.0 == c.key }) {
                        swept[i].1 = text
                    } else {
                        swept.append((c.key, text))
                    }
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
            (
                "scenarios",
                .array(
                    scenarios.map { e in
                        .object([
                            ("name", .string(e.name)), ("folder", .string(e.folder)),
                            (
                                "values",
                                .array(e.values.map { .object([("key", .string($0.0)), ("value", .string($0.1))]) })
                            ),
                        ])
                    })
            ),
        ])
    }

    /// Reads `DIR/sweep.json`.
    public static func read(folder: String) throws(InputError) -> SweepManifest {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("sweep.json").path
        let bytes = try readInputBytes(path)
        func bad(_ m: String) -> InputError { InputError([Diagnostic(.error, file: path, location: "", message: m)]) }
        guard let v = try? JSONValue.parse(bytes).value else {
            throw bad("not valid JSON; is this a sweep folder written by allvet sweep?")
        }
        guard case .string(format)? = v["format"]?.content else {
            throw bad("expected \"format\": \"\(format)\"; is this a sweep folder written by allvet sweep?")
        }
        guard case .string(let hash)? = v["sweep_hash"]?.content, case .array(let items)? = v["scenarios"]?.content
        else { throw bad("missing sweep_hash or scenarios") }
        var entries: [Entry] = []
        for item in items {
            guard case .string(let name)? = item["name"]?.content, case .string(let folder)? = item["folder"]?.content,
                case .array(let vals)? = item["values"]?.content
            else { throw bad("a scenario entry lacks name, folder or values") }
            // A folder is a name inside the sweep's scenarios/, never a path: a forged sweep.json cannot send
            // --merge elsewhere.
            guard !folder.isEmpty, folder != ".", folder != "..", !folder.contains("/"), !folder.contains("\0") else {
                throw bad(
                    "scenario \(JSONWriting.quoted(name)) has the folder \(JSONWriting.quoted(folder)), which is not a plain folder name"
                )
            }
            var values: [(String, String)] = []
            for x in vals {
                guard case .string(let k)? = x["key"]?.content, case .string(let t)? = x["value"]?.content else {
                    throw bad("a value lacks key or value")
                }
                values.append((k, t))
            }
            entries.append(Entry(name: name, folder: folder, values: values))
        }
        var instance = ""
        if case .string(let s)? = v["instance"]?.content { instance = s }
        return SweepManifest(sweepHash: hash, instance: instance, scenarios: entries)
    }
}
