/// A CEFR language level, or `native` (which counts as C2).
public enum LanguageLevel: String, Sendable, CaseIterable, Comparable {
    case a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2", native

    /// Order used for comparison: A1 < A2 < B1 < B2 < C1 < C2 = native.
    public var strength: Int {
        switch self {
        case .a1: 1
        case .a2: 2
        case .b1: 3
        case .b2: 4
        case .c1: 5
        case .c2, .native: 6
        }
    }

    public static func < (a: LanguageLevel, b: LanguageLevel) -> Bool { a.strength < b.strength }
}

/// Whether a participant is a learner or a member of staff.
public enum ParticipantKind: String, Sendable, CaseIterable {
    case apprentice
    case staff
}

/// A free attribute value: a string, a number or a boolean. Equality is
/// typed (model.md, ruling 10): `true` matches only `true`, numbers by
/// value, strings case-sensitively.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)

    /// Text for tables and CSV cells: strings as they are, numbers in their
    /// shortest form (`2`, `1.5`), booleans as `true`/`false`.
    public var description: String {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return NumberText.shortest(d)
        }
    }
}

/// An exact decimal fraction `numerator / denominator` (denominator > 0),
/// as written in the input: `0.14` is 14/100. Shares, rates and parities are
/// kept exact so that `⌈0.14 · 50⌉ = 7` (model.md, ruling 3).
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(numerator: Int, denominator: Int) {
        precondition(denominator > 0)
        var n = numerator, d = denominator
        var a = abs(n), b = d
        while b != 0 { (a, b) = (b, a % b) }
        if a > 1 { n /= a; d /= a }
        self.numerator = n
        self.denominator = d
    }

    public init(_ integer: Int) { self.init(numerator: integer, denominator: 1) }

    /// Parses a JSON number literal (`0.3`, `1`, `2.5e-1`) exactly; nil when
    /// it is not one, needs more than 18 significant digits, or is 10^18 or
    /// more (`1e18`: its plain form has 19 digits).
    public init?(literal: String) {
        var s = Substring(literal)
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]) else { return nil }
            exponent = x
            s = s[..<e]
        }
        var digits = ""
        var fraction = 0
        if let dot = s.firstIndex(of: ".") {
            digits = String(s[..<dot]) + String(s[s.index(after: dot)...])
            fraction = s.distance(from: s.index(after: dot), to: s.endIndex)
        } else {
            digits = String(s)
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let trimmed = digits.drop(while: { $0 == "0" })
        guard trimmed.count <= 18 else { return nil }
        var n = Int(trimmed) ?? 0
        // An exponent near Int.min would overflow the subtraction; zero is
        // zero at any exponent (and ten times zero never overflows: the loop
        // below would not end).
        let (shift, overflow) = fraction.subtractingReportingOverflow(exponent)
        guard !overflow else { return nil }
        var scale = n == 0 ? max(0, shift) : shift
        // At most 18 digits however written: 9e18 would be written back as
        // 19 digits, which the first guard refuses.
        while scale < 0 {
            guard n < 100_000_000_000_000_000 else { return nil }
            n *= 10
            scale += 1
        }
        guard scale <= 18 else { return nil }
        var d = 1
        for _ in 0..<scale { d *= 10 }
        self.init(numerator: negative ? -n : n, denominator: d)
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `⌈self · k⌉` in integer arithmetic (128 bits inside: an 18-digit
    /// decimal times a count overflows an `Int`).
    public func ceilTimes(_ k: Int) -> Int {
        let p = Int128(numerator) * Int128(k), d = Int128(denominator)
        return Int(p >= 0 ? (p + d - 1) / d : -((-p) / d))
    }

    public var description: String { NumberText.shortest(doubleValue) }
}
