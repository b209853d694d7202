import Foundation

/// The three files of a results folder as text (formats.md, Results); nil
/// for a file that is missing.
public struct ResultsText: Sendable {
    public var assignments: String?
    public var unplaced: String?
    public var summary: String?

    public init(assignments: String?, unplaced: String?, summary: String?) {
        self.assignments = assignments
        self.unplaced = unplaced
        self.summary = summary
    }

    /// Reads `folder/assignments.csv`, `folder/unplaced.csv` and
    /// `folder/summary.json`; a file that cannot be read is nil (and reported
    /// as missing by the verifier).
    public static func read(folder: String) -> ResultsText {
        let base = URL(fileURLWithPath: folder)
        func text(_ name: String) -> String? {
            guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(name).path) else {
                return nil
            }
            return String(decoding: data, as: UTF8.self)
        }
        return ResultsText(
            assignments: text("assignments.csv"), unplaced: text("unplaced.csv"), summary: text("summary.json"))
    }
}

/// One broken rule in a results folder: the file, the place in it, the rule
/// and what is wrong.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// `assignments.csv`, `unplaced.csv` or `summary.json`.
    public var file: String
    /// `line 3 (ES-001)`, `participant ES-001`, `$.levels[0].value`, …
    public var location: String
    /// A short name of the rule: `candidate`, `monday`, `capacity`, `quota`, `figure`, …
    public var rule: String
    public var message: String

    public var description: String { "\(file) \(location): [\(rule)] \(message)" }
}

/// What ``ResultsVerifier`` found.
public struct VerificationReport: Sendable {
    /// Rows of `assignments.csv` read as stays.
    public var stays: Int
    public var violations: [Violation]
    public var holds: Bool { violations.isEmpty }

    /// "verified: N stays, every rule holds", or one line per violation
    /// after a count.
    public var text: String {
        if holds { return "verified: \(stays) stay\(stays == 1 ? "" : "s"), every rule holds" }
        let n = violations.count
        return (["verification failed: \(n) violation\(n == 1 ? "" : "s")"] + violations.map { "  " + $0.description })
            .joined(separator: "\n")
    }
}
