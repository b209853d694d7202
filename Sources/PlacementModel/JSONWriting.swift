/// The one JSON text writer of allvet: every JSON file it writes (instance
/// and policy files, `summary.json`, `conflicts.json`, sweep manifests) and
/// the one-line JSON of sweep scenario names go through
/// ``JSONWriting/text(_:layout:)``, whatever the tree (``JSONValue`` read
/// from a file, ``JSONOutput`` built for output).
///
/// Common to every layout: members in the order given (writers choose a
/// deterministic key order); 2-space indent; strings escape `"`, `\` and
/// control characters only, other characters are written as they are
/// (UTF-8). Where the layouts differ is said by ``JSONLayout``.
public enum JSONWriting {
    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        var plain = true
        for c in s.utf8 where c < 0x20 || c == 0x22 || c == 0x5C {
            plain = false
            break
        }
        if plain {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                default:
                    if u.value < 0x20 { out += "\\u" + hex4(u.value) } else { out.unicodeScalars.append(u) }
                }
            }
        }
        out += "\""
        return out
    }

    /// A number in canonical text: integers without a decimal point, other
    /// values in Swift's shortest round-trip form (valid JSON for finite values).
    static func number(_ d: Double) -> String {
        precondition(d.isFinite, "JSON has no infinite or NaN numbers")
        return NumberText.shortest(d)
    }

    /// `value` as JSON text in `layout`; a pretty layout ends in a line
    /// break, the compact one does not.
    public static func text<Node: JSONWritable>(_ value: Node, layout: JSONLayout) -> String {
        var out = ""
        write(value, layout: layout, indent: 0, into: &out)
        if !layout.compact { out += "\n" }
        return out
    }

    /// Whether `v` counts as a scalar when deciding if its container goes on one line.
    private static func isScalar<Node: JSONWritable>(_ v: Node, _ layout: JSONLayout) -> Bool {
        switch v.jsonShape {
        case .literal, .string: true
        case .array(let a): layout.emptyContainersAreScalars && a.isEmpty
        case .object(let m): layout.emptyContainersAreScalars && m.isEmpty
        }
    }

    private static func write<Node: JSONWritable>(_ v: Node, layout: JSONLayout, indent: Int, into out: inout String) {
        switch v.jsonShape {
        case .literal(let text): out += text
        case .string(let s): out += quoted(s)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
            } else if layout.compact || items.allSatisfy({ isScalar($0, layout) }) {
                out += "["
                for (k, item) in items.enumerated() {
                    if k > 0 { out += layout.compact ? "," : ", " }
                    write(item, layout: layout, indent: indent, into: &out)
                }
                out += "]"
            } else {
                let pad = String(repeating: " ", count: indent + 2)
                out += "[\n"
                for (k, item) in items.enumerated() {
                    out += pad
                    write(item, layout: layout, indent: indent + 2, into: &out)
                    out += k + 1 < items.count ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "]"
            }
        case .object(let members):
            if members.isEmpty {
                out += "{}"
            } else if layout.compact {
                out += "{"
                for (k, m) in members.enumerated() {
                    if k > 0 { out += "," }
                    out += quoted(m.key) + ":"
                    write(m.value, layout: layout, indent: indent, into: &out)
                }
                out += "}"
            } else if indent > 0 && members.count <= layout.inlineObjectMembers
                && members.allSatisfy({ isScalar($0.value, layout) })
            {
                out += "{ "
                for (k, m) in members.enumerated() {
                    if k > 0 { out += ", " }
                    out += quoted(m.key) + ": "
                    write(m.value, layout: layout, indent: indent, into: &out)
                }
                out += " }"
            } else {
                let pad = String(repeating: " ", count: indent + 2)
                out += "{\n"
                for (k, m) in members.enumerated() {
                    out += pad + quoted(m.key) + ": "
                    write(m.value, layout: layout, indent: indent + 2, into: &out)
                    out += k + 1 < members.count ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "}"
            }
        }
    }
}

/// How ``JSONWriting`` lays out containers: the only ways in which allvet's
/// JSON files differ.
public struct JSONLayout: Sendable, Equatable {
    /// Whether an empty array or object counts as a scalar when deciding if
    /// its container goes on one line. A non-empty array whose items are all
    /// scalars always goes on one line: `"needs": ["wheelchair"]`.
    public var emptyContainersAreScalars: Bool
    /// A nested object (never the top one) whose members are all scalars
    /// goes on one line, `{ "en": "B1" }`, when it has at most this many
    /// members; 0: never.
    public var inlineObjectMembers: Int
    /// Everything on one line without spaces: `{"a":[1,2]}`.
    public var compact: Bool

    public init(emptyContainersAreScalars: Bool, inlineObjectMembers: Int, compact: Bool = false) {
        self.emptyContainersAreScalars = emptyContainersAreScalars
        self.inlineObjectMembers = inlineObjectMembers
        self.compact = compact
    }

    /// The canonical instance and policy files (formats.md): empty
    /// containers count as scalars; objects of up to 8 scalars go on one line.
    public static let canonical = JSONLayout(emptyContainersAreScalars: true, inlineObjectMembers: 8)
    /// Result files (`summary.json`, `conflicts.json`, `sweep.json`): arrays
    /// of scalars on one line, every non-empty object one member per line.
    public static let results = JSONLayout(emptyContainersAreScalars: false, inlineObjectMembers: 0)
    /// One line, no spaces (sweep scenario names and keys).
    public static let compact = JSONLayout(emptyContainersAreScalars: true, inlineObjectMembers: 0, compact: true)
}

/// What a JSON tree node is, for ``JSONWriting``.
public enum JSONShape<Node> {
    /// `null`, `true`, `false` or a number: written as this text.
    case literal(String)
    case string(String)
    case array([Node])
    case object([(key: String, value: Node)])
}

/// A JSON tree that ``JSONWriting`` can write.
public protocol JSONWritable {
    var jsonShape: JSONShape<Self> { get }
}

extension JSONValue: JSONWritable {
    public var jsonShape: JSONShape<JSONValue> {
        switch content {
        case .null: .literal("null")
        case .bool(let b): .literal(b ? "true" : "false")
        case .number(let n): .literal(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items)
        case .object(let members): .object(members.map { ($0.key, $0.value) })
        }
    }

    /// The value as canonical pretty JSON text (``JSONLayout/canonical``),
    /// ending in a line break.
    public var prettyText: String { JSONWriting.text(self, layout: .canonical) }
}

extension ExactDecimal {
    /// The exact decimal literal of this value (`0.14`, `3`, `-0.5`); nil for
    /// a fraction with no finite decimal form, such as 1/3.
    public var decimalLiteral: String? {
        var d = denominator, k = 0
        while d % 10 == 0 { d /= 10; k += 1 }
        var scaleUp = 1
        while d % 2 == 0 { d /= 2; scaleUp *= 5; k += 1 }
        while d % 5 == 0 { d /= 5; scaleUp *= 2; k += 1 }
        guard d == 1 else { return nil }
        let (scaled, overflow) = abs(numerator).multipliedReportingOverflow(by: scaleUp)
        guard !overflow else { return nil }
        var digits = String(scaled)
        if k > 0 {
            if digits.count <= k { digits = String(repeating: "0", count: k - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -k))
        }
        return (numerator < 0 ? "-" : "") + digits
    }
}
