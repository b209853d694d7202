/// The one cap on how many diagnostics of one kind a read keeps: the first
/// ``perKind`` of each kind are kept, the rest only counted, and one closing
/// diagnostic per capped kind says how many more there were. A 200 MB file
/// of unknown preferences used to print 17.5 million warnings (7.5 GB of
/// memory); now it prints 50 and "… and 17,499,950 more like it".
///
/// A kind is the severity, the file and the message with its quoted texts
/// and numbers taken out, so "preference 3, "X", names no host" and
/// "preference 7, "Y", names no host" are one kind.
public struct DiagnosticCap: Sendable {
    /// Diagnostics kept of one kind.
    public static let perKind = 50

    private var counts: [String: (count: Int, first: Diagnostic)] = [:]
    private var order: [String] = []

    public init() {}

    /// Whether to keep `d`; counts it either way.
    public mutating func admit(_ d: Diagnostic) -> Bool {
        let key = Self.kind(d)
        if let seen = counts[key] {
            counts[key] = (seen.count + 1, seen.first)
            return seen.count < Self.perKind
        }
        counts[key] = (1, d)
        order.append(key)
        return true
    }

    /// One diagnostic for each kind that went over the cap, in the order the kinds appeared.
    public var closing: [Diagnostic] {
        order.compactMap { key in
            guard let (count, first) = counts[key], count > Self.perKind else { return nil }
            let more = count - Self.perKind
            return Diagnostic(
                first.severity, file: first.file, location: "",
                message:
                    "… and \(more) more \(first.severity.rawValue)\(more == 1 ? "" : "s") like the one at \(first.location) "
                    + "(\(count) in all; only the first \(Self.perKind) of a kind are listed)")
        }
    }

    /// The kind of `d`: its message without quoted texts and digits.
    public static func kind(_ d: Diagnostic) -> String {
        var out = d.severity.rawValue + "\u{1F}" + d.file + "\u{1F}"
        var quoted = false
        for c in d.message.unicodeScalars {
            if c == "\"" { quoted.toggle(); out.unicodeScalars.append(c); continue }
            if quoted || ("0"..."9").contains(c) { continue }
            out.unicodeScalars.append(c)
        }
        return out
    }
}

extension Array where Element == Diagnostic {
    /// `self` with at most ``DiagnosticCap/perKind`` of each kind, and a
    /// closing line for each kind that had more.
    public func capped() -> [Diagnostic] {
        var cap = DiagnosticCap()
        let kept = filter { cap.admit($0) }
        return kept + cap.closing
    }
}
