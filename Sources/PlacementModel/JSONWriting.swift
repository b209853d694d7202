/// Canonical JSON text for allvet's writers.
///
/// Layout: 2-space indent; a container whose children are all scalars (or
/// empty containers) goes on one line (`"needs": ["wheelchair"]`,
/// `"languages": { "en": "B1" }`), any other container puts one child per
/// line. Members are written in the order given, so writers choose a
/// deterministic key order. Strings escape `"`, `\` and control characters
/// only; other characters are written as they are (UTF-8).
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

    static func pretty(_ v: JSONValue) -> String {
        var out = ""
        write(v, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func isScalarLike(_ v: JSONValue) -> Bool {
        switch v.content {
        case .object(let m): m.isEmpty
        case .array(let a): a.isEmpty
        default: true
        }
    }

    private static func write(_ v: JSONValue, indent: Int, into out: inout String) {
        switch v.content {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += quoted(s)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
            } else if items.allSatisfy(isScalarLike) {
                out += "["
                for (k, item) in items.enumerated() {
                    if k > 0 { out += ", " }
                    write(item, indent: indent, into: &out)
                }
                out += "]"
            } else {
                let pad = String(repeating: " ", count: indent + 2)
                out += "[\n"
                for (k, item) in items.enumerated() {
                    out += pad
                    write(item, indent: indent + 2, into: &out)
                    out += k + 1 < items.count ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "]"
            }
        case .object(let members):
            if members.isEmpty {
                out += "{}"
            } else if members.allSatisfy({ isScalarLike($0.value) }) && members.count <= 8 && indent > 0 {
                out += "{ "
                for (k, m) in members.enumerated() {
                    if k > 0 { out += ", " }
                    out += quoted(m.key) + ": "
                    write(m.value, indent: indent, into: &out)
                }
                out += " }"
            } else {
                let pad = String(repeating: " ", count: indent + 2)
                out += "{\n"
                for (k, m) in members.enumerated() {
                    out += pad + quoted(m.key) + ": "
                    write(m.value, indent: indent + 2, into: &out)
                    out += k + 1 < members.count ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "}"
            }
        }
    }
}

extension JSONValue {
    /// The value as canonical pretty JSON text (see the writers), ending in a line break.
    public var prettyText: String { JSONWriting.pretty(self) }
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
