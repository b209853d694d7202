/// The one place that says which characters are control characters: they
/// are never intended in an id, and printed raw they can rewrite a terminal
/// (ESC sequences), ring it (BEL), break a line, or reverse what a reader
/// sees (the bidirectional overrides, e.g. RLO).
public enum ControlCharacters {
    /// C0 controls, DEL, C1 controls, and the bidirectional embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first control character of `s`, if any.
    public static func first(in s: String) -> Unicode.Scalar? { s.unicodeScalars.first(where: isControl) }

    /// `U+001B`-style name of a scalar, for messages.
    public static func name(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `s` with every control character written as a visible `\u{1B}`;
    /// line feeds and tabs stay when `keepLineBreaks` (messages of several lines).
    public static func escaped(_ s: String, keepLineBreaks: Bool = true) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if isControl(u) && !(keepLineBreaks && (u == "\n" || u == "\t")) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
