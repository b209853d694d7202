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
    /// `folder/summary.json`; a file that cannot be read is nil (only a
    /// missing `assignments.csv` is a violation: results of another tool may
    /// have no other file).
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
    /// Rules the stays break (and rows of `unplaced.csv` that are wrong).
    public var violations: [Violation]
    /// Where `summary.json` differs from what the stays give (a stale or
    /// hand-edited folder, or another tool's figures): a separate finding,
    /// since the stays themselves may keep every rule (issue 11).
    public var figures: [Violation] = []
    /// What was not checked, and why (a file another tool does not write).
    public var notes: [String] = []

    public init(stays: Int, violations: [Violation], figures: [Violation] = [], notes: [String] = []) {
        self.stays = stays
        self.violations = violations
        self.figures = figures
        self.notes = notes
    }

    /// Every rule holds and every figure present agrees.
    public var holds: Bool { violations.isEmpty && figures.isEmpty }
    /// Every rule holds (the figures aside).
    public var rulesHold: Bool { violations.isEmpty }

    /// "verified: N stays, every rule holds", or the broken rules, then the
    /// figures that differ, each after a count; then the notes.
    public var text: String {
        var lines: [String] = []
        let s = "\(stays) stay\(stays == 1 ? "" : "s")"
        if holds {
            lines.append("verified: \(s), every rule holds")
        } else if rulesHold {
            let n = figures.count
            lines.append(
                "every rule holds for the \(s), but summary.json differs from them (\(n) figure\(n == 1 ? "" : "s")):")
            lines += figures.map { "  " + $0.description }
        } else {
            let n = violations.count
            lines.append("verification failed: \(n) violation\(n == 1 ? "" : "s")")
            lines += violations.map { "  " + $0.description }
            if !figures.isEmpty {
                lines.append("and summary.json differs from the stays (\(figures.count)):")
                lines += figures.map { "  " + $0.description }
            }
        }
        lines += notes.map { "note: " + $0 }
        return lines.joined(separator: "\n")
    }
}
