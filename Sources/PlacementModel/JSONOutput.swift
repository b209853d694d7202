/// A JSON value for output, with object keys kept in the order given so
/// that files are deterministic and read in a sensible order.
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    /// Money: euros with two decimals, exactly (rounds.md, ruling 18).
    case cents(Cents)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    public static func == (a: JSONOutput, b: JSONOutput) -> Bool { a.rendered() == b.rendered() }

    /// An optional number: `null` when nil or not finite.
    public static func number(_ d: Double?) -> JSONOutput {
        guard let d, d.isFinite else { return .null }
        return .number(d)
    }

    /// Pretty text in the results layout (``JSONLayout/results``: arrays of
    /// scalars on one line, objects one member per line), ending in a line break.
    public func rendered() -> String { JSONWriting.text(self, layout: .results) }
}

extension JSONOutput: JSONWritable {
    public var jsonShape: JSONShape<JSONOutput> {
        switch self {
        case .null: .literal("null")
        case .bool(let b): .literal(b ? "true" : "false")
        case .int(let i): .literal(String(i))
        case .number(let d): .literal(NumberText.shortest(d))
        case .cents(let c): .literal(c.euroLiteral)
        case .string(let s): .string(s)
        case .array(let items): .array(items)
        case .object(let fields): .object(fields.map { (key: $0.0, value: $0.1) })
        }
    }
}
