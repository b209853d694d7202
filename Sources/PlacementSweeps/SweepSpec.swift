import Crypto
import Foundation
import LinearModel
import PlacementEngine
import PlacementModel
import PlacementResults

/// An analyst's sweep (formats.md, "Sweep, JSON"): a base round and policy,
/// and the scenarios to solve, each the base policy with its changes.
///
/// Paths inside the file are relative to the sweep file's folder (absolute
/// paths are used as they are). Scenarios come in this order, which is the
/// order of every output: first the `scenarios` list in file order, then one
/// per `grid` point (the first grid key outermost, the last varying fastest).
/// The first scenario is the baseline of the losses in `comparison.csv`.
public struct SweepSpec: Sendable {
    /// The value `format` must have.
    public static let format = "allvet-sweep/1"

    /// The instance's path, resolved against the sweep file's folder.
    public var instancePath: String
    /// The base policy's path, resolved likewise; nil: the default policy.
    public var policyPath: String?
    /// The funding file's path (rounds.md section 4), resolved likewise;
    /// nil: no costs. Every scenario is solved with it.
    public var fundingPath: String? = nil
    public var scenarios: [Scenario]

    /// One policy to solve: a name and the changes to the base policy.
    public struct Scenario: Sendable, Equatable {
        public var name: String
        /// The folder under `scenarios/` (the name made filesystem-safe).
        public var folder: String
        /// Keys (see ``ScenarioPolicy``) and values, applied in this order.
        public var changes: [Change]
        public init(name: String, folder: String? = nil, changes: [Change]) {
            self.name = name
            self.folder = folder ?? SweepSpec.folderName(name)
            self.changes = changes
        }
    }

    /// A change: `key` set to `value`.
    public struct Change: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Policy keys a scenario may give directly (replacing the base's value whole).
    static let directKeys = ["require_abroad", "only_listed", "objective", "quotas", "limits", "budget"]

    /// Reads a sweep file. Errors (with JSON paths) are thrown together.
    public static func read(path: String) throws(InputError) -> SweepSpec {
        let bytes = try readInputBytes(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try read(data: bytes, file: path, folder: folder)
    }

    /// Reads a sweep from JSON bytes; relative paths are resolved against `folder`.
    public static func read(data: [UInt8], file: String, folder: String) throws(InputError) -> SweepSpec {
        var errors: [Diagnostic] = []
        func error(_ location: String, _ message: String) {
            errors.append(Diagnostic(.error, file: file, location: location, message: message))
        }
        let root: JSONValue
        do { root = try JSONValue.parse(data).value } catch {
            throw InputError([
                Diagnostic(
                    .error, file: file, location: "line \(error.line), column \(error.column)", message: error.message)
            ])
        }
        guard case .object(let top) = root.content else {
            throw InputError([
                Diagnostic(
                    .error, file: file, location: "$",
                    message:
                        "expected an object with format, instance, policy, scenarios and grid; found \(root.kindDescription)"
                )
            ])
        }
        let allowed = ["format", "instance", "policy", "funding", "scenarios", "grid"]
        for m in top where !allowed.contains(m.key) {
            error("$.\(m.key)", "unknown field \"\(m.key)\"; expected one of \(allowed.joined(separator: ", "))")
        }
        switch root["format"]?.content {
        case .string(format): break
        case .string(let s): error("$.format", "unsupported format \"\(s)\"; expected \"\(format)\"")
        case nil: error("$", "missing required field \"format\"; expected \"format\": \"\(format)\"")
        default: error("$.format", "expected the string \"\(format)\"")
        }
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") ? p : URL(fileURLWithPath: folder).appendingPathComponent(p).standardizedFileURL.path
        }
        var instancePath = ""
        switch root["instance"]?.content {
        case .string(let s) where !s.isEmpty: instancePath = resolve(s)
        case nil:
            error(
                "$",
                "missing required field \"instance\": the round's file or CSV folder, relative to the sweep file's folder"
            )
        default: error("$.instance", "expected a non-empty path string")
        }
        var policyPath: String? = nil
        switch root["policy"]?.content {
        case .string(let s) where !s.isEmpty: policyPath = resolve(s)
        case nil, .null: break
        default: error("$.policy", "expected a non-empty path string (or leave it out for the default policy)")
        }

        var fundingPath: String? = nil
        switch root["funding"]?.content {
        case .string(let s) where !s.isEmpty: fundingPath = resolve(s)
        case nil, .null: break
        default: error("$.funding", "expected a non-empty path string (or leave it out: no costs)")
        }

        var scenarios: [Scenario] = []
        if let v = root["scenarios"] {
            if case .array(let items) = v.content {
                for (i, item) in items.enumerated() {
                    let path = "$.scenarios[\(i)]"
                    guard case .object(let members) = item.content else {
                        error(path, "expected an object such as { \"name\": \"fo-30\", \"set\": { … } }"); continue
                    }
                    var name: String? = nil
                    var changes: [Change] = [], sets: [Change] = []
                    for m in members {
                        switch m.key {
                        case "name":
                            if case .string(let s) = m.value.content, !s.isEmpty {
                                name = s
                            } else {
                                error(path + ".name", "expected a non-empty string")
                            }
                        case "set":
                            if case .object(let kv) = m.value.content {
                                sets = kv.map { Change(key: $0.key, value: $0.value) }
                            } else {
                                error(
                                    path + ".set",
                                    "expected an object of policy key → value, e.g. { \"quotas.fewer-opportunities.min_share\": 0.3 }"
                                )
                            }
                        case let k where directKeys.contains(k):
                            changes.append(Change(key: k, value: m.value))
                        default:
                            error(
                                path + ".\(m.key)",
                                "unknown field \"\(m.key)\"; expected name, set, or a policy field to replace whole (\(directKeys.joined(separator: ", ")))"
                            )
                        }
                    }
                    guard let name else {
                        if item["name"] == nil { error(path, "missing required field \"name\"") }; continue
                    }
                    scenarios.append(Scenario(name: name, changes: changes + sets))
                }
            } else {
                error("$.scenarios", "expected an array of scenarios")
            }
        }
        if let v = root["grid"] {
            if case .object(let members) = v.content {
                var axes: [(key: String, values: [JSONValue])] = []
                for m in members {
                    if case .array(let values) = m.value.content, !values.isEmpty {
                        axes.append((m.key, values))
                    } else {
                        error("$.grid.\(m.key)", "expected a non-empty array of values")
                    }
                }
                if !axes.isEmpty { scenarios += gridScenarios(axes) }
            } else {
                error("$.grid", "expected an object of policy key → list of values")
            }
        }
        if errors.isEmpty && scenarios.isEmpty {
            error("$", "the sweep has no scenario; give \"scenarios\" or \"grid\"")
        }
        var seen: [String: String] = [:]
        for s in scenarios {
            let k = s.folder.lowercased()
            if let other = seen[k] {
                error(
                    "$",
                    other == s.name
                        ? "the scenario name \"\(s.name)\" is used twice; names must be unique"
                        : "the scenarios \"\(other)\" and \"\(s.name)\" would share the folder \"\(s.folder)\"; rename one"
                )
            } else {
                seen[k] = s.name
            }
        }
        if !errors.isEmpty { throw InputError(errors) }
        var spec = SweepSpec(instancePath: instancePath, policyPath: policyPath, scenarios: scenarios)
        spec.fundingPath = fundingPath
        return spec
    }

    public init(instancePath: String, policyPath: String?, scenarios: [Scenario]) {
        self.instancePath = instancePath
        self.policyPath = policyPath
        self.scenarios = scenarios
    }

    /// One scenario per combination of the axes' values, named
    /// `grid-KEY=VALUE+KEY=VALUE` with each key's last dotted part (the
    /// whole key where two axes share their last part) and each value as written.
    public static func gridScenarios(_ axes: [(key: String, values: [JSONValue])]) -> [Scenario] {
        let short = axes.map { a -> String in
            let last = a.key.split(separator: ".").last.map(String.init) ?? a.key
            let clash = axes.filter { ($0.key.split(separator: ".").last.map(String.init) ?? $0.key) == last }.count > 1
            return clash ? a.key : last
        }
        var out: [Scenario] = []
        var index = [Int](repeating: 0, count: axes.count)
        while true {
            let changes = axes.indices.map { Change(key: axes[$0].key, value: axes[$0].values[index[$0]]) }
            let name =
                "grid-" + axes.indices.map { short[$0] + "=" + compactText(changes[$0].value) }.joined(separator: "+")
            out.append(Scenario(name: name, changes: changes))
            var d = axes.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < axes[d].values.count { break }
                index[d] = 0
                d -= 1
            }
            if d < 0 { return out }
        }
    }

    /// A scenario's folder name: letters, digits and `-_.=+` kept, any other
    /// character `_`; no leading dot; long names cut to 150 bytes plus a hash.
    public static func folderName(_ name: String) -> String {
        var s = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { u -> Unicode.Scalar in
                    (u.isASCII
                        && (u.properties.isAlphabetic || ("0"..."9").contains(u) || "-_.=+".unicodeScalars.contains(u)))
                        ? u : "_"
                }))
        if s.hasPrefix(".") { s = "_" + s.dropFirst() }
        if s.isEmpty { s = "_" }
        if s.utf8.count > 160 {
            let digest = SHA256.hash(data: Data(name.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
            s = String(s.prefix(150)) + "-" + digest
        }
        return s
    }

    /// JSON on one line, numbers exactly as written: `0.30`, `true`, `"x"`, `[]`
    /// (``JSONLayout/compact``).
    public static func compactText(_ v: JSONValue) -> String { JSONWriting.text(v, layout: .compact) }
}

/// Why one scenario's policy could not be made: reported in its row.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
