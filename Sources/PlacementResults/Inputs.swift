import Crypto
import Foundation
import LinearModel
import PlacementCSV
import PlacementXLSX
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// An instance and a policy read from files, with the warnings seen.
public struct LoadedInput: Sendable {
    public var instance: Instance
    public var policy: Policy
    public var warnings: [Diagnostic]
    /// SHA-256 of the canonical JSON of the instance and the policy, so the
    /// same round gives the same hash from JSON or CSV.
    public var hash: String
    /// Seconds spent reading and checking.
    public var seconds: Double
    /// The files read, as absolute paths (nil for a round built in code or
    /// the default policy): `summary.json` `inputs`, so that `allvet report`
    /// finds the round again.
    public var instancePath: String? = nil
    public var policyPath: String? = nil
    /// The earlier results folder of a re-planned round (`--previous`).
    public var previousPath: String? = nil
    /// The funding file (`--funding`, rounds.md section 4).
    public var fundingPath: String? = nil

    /// A round built in code (or read in some other way), ready for
    /// `Publisher` (in AllVET): the hash is computed as ``InputLoader`` computes it for
    /// files, so the same round gets the same `input_hash` either way.
    public init(instance: Instance, policy: Policy = .default, warnings: [Diagnostic] = [], seconds: Double = 0) {
        self.instance = instance
        self.policy = policy
        self.warnings = warnings
        self.hash = Self.hash(instance: instance, policy: policy)
        self.seconds = seconds
    }

    /// `sha256:` and the hex SHA-256 of the canonical JSON of `instance`, a
    /// line feed, and the canonical JSON of `policy`.
    public static func hash(instance: Instance, policy: Policy) -> String {
        var canonical = InstanceJSONWriter.write(instance) + "\n" + PolicyJSONWriter.write(policy)
        // A re-planned round's previous stays are an input too (not in the instance file).
        for s in instance.previous { canonical += "\nprevious \(s.participant) \(s.host) \(s.offer) \(s.start.iso)" }
        // So is a funding file.
        if let f = instance.funding { canonical += "\n" + f.canonicalText }
        let digest = SHA256.hash(data: Data(canonical.utf8))
        return "sha256:" + digest.map { String(format: "%02x", $0) }.joined()
    }
}

/// Reads the inputs of a command: an instance (a JSON file, or a folder of
/// CSV files) and an optional policy (JSON); without one, the default policy
/// of model.md.
public enum InputLoader {
    /// The round re-planned from an earlier results folder (`solve
    /// --previous`, rounds.md section 3): its stays become
    /// ``/PlacementModel/Instance/previous``, and a policy without a
    /// `changes` goal gets one first (``/PlacementModel/Policy/replanning``;
    /// `addedChanges` says so). The hash covers the previous stays.
    public static func replanning(_ input: LoadedInput, previous path: String) throws(InputError) -> (
        input: LoadedInput, addedChanges: Bool
    ) {
        var instance = input.instance
        instance.previous = try PreviousStaysReader.read(path)
        let policy = input.policy.replanning
        var out = LoadedInput(instance: instance, policy: policy, warnings: input.warnings, seconds: input.seconds)
        out.instancePath = input.instancePath
        out.policyPath = input.policyPath
        out.previousPath = URL(fileURLWithPath: path).standardizedFileURL.path
        out.fundingPath = input.fundingPath
        return (out, !input.policy.hasChanges)
    }

    /// The round with the unit costs of a funding file (`--funding`,
    /// rounds.md section 4): read against the round, then checked: every
    /// location and country group the costs need (``FundingCheck``), and a
    /// travel band for every distance a candidate stay could travel. The
    /// hash covers the funding.
    public static func funding(_ input: LoadedInput, path: String) throws(InputError) -> LoadedInput {
        var instance = input.instance
        let (funding, warnings) = try FundingJSONReader.read(path: path, instance: instance)
        instance.funding = funding
        var errors = FundingCheck.errors(instance, fundingFile: path)
        if errors.isEmpty {
            errors = CandidateSet(instance: instance, policy: input.policy).costErrors(
                instance: instance, fundingFile: path)
        }
        if !errors.isEmpty { throw InputError(input.warnings + warnings + errors) }
        var out = LoadedInput(
            instance: instance, policy: input.policy, warnings: input.warnings + warnings, seconds: input.seconds)
        out.instancePath = input.instancePath
        out.policyPath = input.policyPath
        out.previousPath = input.previousPath
        out.fundingPath = URL(fileURLWithPath: path).standardizedFileURL.path
        return out
    }

    /// `encoding` is the CSV folder's (`--encoding`; ignored for JSON, which is UTF-8).
    public static func load(instance path: String, policy policyPath: String?, encoding: CSVEncoding = .automatic)
        throws(InputError) -> LoadedInput
    {
        let clock = Stopwatch()
        var warnings: [Diagnostic] = []
        let instance: Instance
        (instance, warnings) = try readInstance(path, encoding: encoding)
        var policy = Policy.default
        if let policyPath {
            let (p, w) = try PolicyJSONReader.read(path: policyPath, instance: instance)
            policy = p
            warnings += w
        }
        // A lock no candidate satisfies under this policy (rounds.md, rulings 15 and 21).
        let lockErrors = CandidateSet.lockErrors(instance: instance, policy: policy)
        if !lockErrors.isEmpty { throw InputError(warnings + lockErrors) }
        var loaded = LoadedInput(instance: instance, policy: policy, warnings: warnings, seconds: clock.elapsed)
        loaded.instancePath = URL(fileURLWithPath: path).standardizedFileURL.path
        loaded.policyPath = policyPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        return loaded
    }

    /// Reads a JSON instance file, a CSV folder or a workbook (`.xlsx`).
    public static func readInstance(_ path: String, encoding: CSVEncoding = .automatic) throws(InputError) -> (
        Instance, [Diagnostic]
    ) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            return try InstanceCSVReader.read(folder: path, encoding: encoding)
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") { return try InstanceXLSXReader.read(path: path) }
        for (suffix, what) in [(".xls", "an Excel 97-2003 workbook"), (".ods", "an OpenDocument spreadsheet")]
        where lower.hasSuffix(suffix) {
            throw InputError([
                Diagnostic(
                    .error, file: path, location: "",
                    message: "This is \(what); allvet reads .xlsx workbooks. Save it as Excel Workbook (.xlsx) and "
                        + "give that file.")
            ])
        }
        return try InstanceJSONReader.read(path: path)
    }
}
