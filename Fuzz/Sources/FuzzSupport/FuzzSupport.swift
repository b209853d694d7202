// What the fuzz targets share. A target treats every thrown input error as
// the right answer and crashes only on a real bug: a trap (overflow, index
// out of range, force unwrap), a sanitizer finding, or a broken promise that
// `Fuzz.require` checks (a written instance or policy that does not read back
// equal, as the writers promise).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFuzzer
import Foundation
import LinearModel
import PlacementFormulation
import PlacementModel
import PlacementVerify

public enum Fuzz {
    /// One input: libFuzzer's `LLVMFuzzerTestOneInput`.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// A target's entry point: runs libFuzzer's driver on `test` with the
    /// command line (libFuzzer's flags, corpus folders or inputs to replay),
    /// after `setUp`, and returns its exit code.
    public static func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: TestOneInput,
                            setUp: () -> Void = {}) -> CInt {
        setUp()
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }

    /// The repository: `$ALLVET_ROOT`, else three folders above this file
    /// (Fuzz/Sources/FuzzSupport/FuzzSupport.swift).
    public static let root: String = {
        if let r = ProcessInfo.processInfo.environment["ALLVET_ROOT"], !r.isEmpty { return r }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// instances/example.json, read once.
    public static let exampleInstance: Instance = {
        do { return try InstanceJSONReader.read(path: root + "/instances/example.json").0 } catch {
            fatalError("fuzz setup: cannot read instances/example.json under \(root) (set ALLVET_ROOT): \(error)")
        }
    }()

    /// instances/example-policy.json, read once against ``exampleInstance``.
    public static let examplePolicy: Policy = {
        do { return try PolicyJSONReader.read(path: root + "/instances/example-policy.json", instance: exampleInstance).0 } catch {
            fatalError("fuzz setup: cannot read instances/example-policy.json under \(root): \(error)")
        }
    }()

    /// The results of ``exampleInstance`` under ``examplePolicy``, as
    /// `allvet solve` writes them, from `$ALLVET_FUZZ_RESULTS` (scripts/fuzz.sh
    /// solves the round there; the targets link no solver).
    public static let exampleResults: ResultsText = {
        let folder = ProcessInfo.processInfo.environment["ALLVET_FUZZ_RESULTS"] ?? root + "/Fuzz/.work/example-results/policy"
        let text = ResultsText.read(folder: folder)
        guard text.assignments != nil, text.unplaced != nil, text.summary != nil else {
            fatalError("fuzz setup: no results in \(folder); set ALLVET_FUZZ_RESULTS or run scripts/fuzz.sh, which writes them")
        }
        return text
    }()

    /// libFuzzer's input as an array (`data` may be nil when `size` is 0).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input cut into `count` files at NUL bytes: file k is what follows
    /// the k-th NUL; a file with no NUL before it is missing (nil); anything
    /// after the last expected file is left out. The seed corpus
    /// (scripts/fuzz.sh) joins real files the same way.
    public static func files(_ input: [UInt8], count: Int) -> [[UInt8]?] {
        var out: [[UInt8]?] = []
        var rest = input[...]
        while out.count < count {
            if let z = rest.firstIndex(of: 0) {
                out.append(Array(rest[..<z]))
                rest = rest[(z + 1)...]
            } else {
                out.append(Array(rest))
                break
            }
        }
        while out.count < count { out.append(nil) }
        return out
    }

    /// A broken promise: crash with a message libFuzzer shows with the input.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz oracle: " + message()) }
    }

    /// What `allvet solve` builds from an accepted instance and policy must
    /// build without a trap, and be a model a solver accepts
    /// (`LinearModel.validate`: finite coefficients, consistent bounds),
    /// objectives included: candidates (the nine filters' date and week
    /// arithmetic), quota scopes and rows.
    public static func requireModel(_ instance: Instance, _ policy: Policy, _ context: @autoclosure () -> String) {
        let candidates = CandidateSet(instance: instance, policy: policy)
        let formulation = DirectFormulation(instance: instance, policy: policy, candidates: candidates)
        for (level, goal) in policy.objective.enumerated() {
            let objective = formulation.objective(for: goal, level: level, instance: instance, candidates: candidates)
            for (column, c) in objective.terms where !c.isFinite {
                require(false, "level \(level) (\(goal.name)): coefficient \(c) on column \(column.rawValue)\n\(context())")
            }
        }
        do { try formulation.model.validate() } catch { require(false, "the direct model is invalid: \(error)\n\(context())") }
    }

    /// InstanceJSONWriter promises that its text reads back as an equal instance.
    public static func requireJSONRoundTrip(_ instance: Instance) {
        let text = InstanceJSONWriter.write(instance)
        do {
            let (again, _) = try InstanceJSONReader.read(data: Array(text.utf8), file: "round-trip.json")
            require(again == instance, "the instance written as JSON reads back different:\n\(text)")
        } catch {
            require(false, "the instance written as JSON does not read back: \(error)\n\(text)")
        }
    }
}

/// A private folder for targets whose reader takes a folder: made once per
/// run under /dev/shm when it exists (no disk writes), else $TMPDIR or /tmp,
/// and removed when the run exits normally.
public final class ScratchFolder: @unchecked Sendable {
    public let path: String

    public init(_ label: String) {
        var base = "/tmp"
        if let t = ProcessInfo.processInfo.environment["TMPDIR"], !t.isEmpty { base = t }
        var st = stat()
        if stat("/dev/shm", &st) == 0, access("/dev/shm", W_OK) == 0 { base = "/dev/shm" }
        var template = Array("\(base)/allvet-fuzz-\(label)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("fuzz setup: cannot make a folder under \(base)") }
        path = String(cString: made)
    }

    /// Writes `bytes` as `name` in the folder, or removes `name` when nil.
    public func put(_ name: String, _ bytes: [UInt8]?) {
        let file = path + "/" + name
        guard let bytes else { unlink(file); return }
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("fuzz setup: cannot write \(file)") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            guard n > 0 else { fatalError("fuzz setup: cannot write \(file)") }
            done += n
        }
    }

    /// Removes the folder and what `put` wrote in it.
    public func remove(names: [String]) {
        for n in names { unlink(path + "/" + n) }
        rmdir(path)
    }
}
