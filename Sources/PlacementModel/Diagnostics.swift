/// A problem found in an input file: where it is and what to do about it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file's path as the user gave it.
    public var file: String
    /// Where in the file: a JSON path (`$.participants[3].weeks`) or
    /// `line 12, column "weeks"` for CSV.
    public var location: String
    /// A full sentence saying what is wrong and what to do.
    public var message: String

    public init(_ severity: Severity, file: String, location: String, message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
    }

    /// `file: location: error: message`.
    public var description: String {
        let loc = location.isEmpty ? "" : "\(location): "
        return "\(file): \(loc)\(severity.rawValue): \(message)"
    }
}

/// Input that cannot be used: every error found, with warnings seen so far.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
