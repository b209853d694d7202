/// The byte-level JSON parser behind ``JSONValue/parse(_:)-([UInt8])``.
///
/// Works on an `UnsafeBufferPointer<UInt8>` with index loops (no Character
/// iteration), so that a 30 MB instance parses in well under a second.
/// Columns count Unicode scalars: continuation bytes can only occur inside
/// strings, which cannot hold a raw line break, so the string scanner
/// counts them for the current line.
struct JSONParser {
    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line before `i`.
    private var continuation = 0
    /// Path of the value being parsed, rendered only for duplicate keys.
    private var path: [PathComponent] = []
    private(set) var duplicates: [JSONDuplicateKey] = []
    /// Nesting limit, so that hostile input cannot overflow the stack.
    private let maxDepth = 512

    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.b = bytes }

    private var column: Int { i - lineStart - continuation + 1 }

    private func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    /// What is at `i`, for "found …" in messages.
    private var found: String {
        guard i < b.count else { return "the end of the file" }
        let c = b[i]
        if c == 0x22 { return "\"\\\"\"" }
        if c == 0x5C { return "\"\\\\\"" }
        if c >= 0x20 && c < 0x7F { return "\"\(Character(Unicode.Scalar(c)))\"" }
        if c == 0x0A || c == 0x0D { return "a line break" }
        if c == 0x09 { return "a tab" }
        if c >= 0x80 { return "a non-ASCII character" }
        return "the control character U+\(hex4(UInt32(c)))"
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
            i = 3
            lineStart = 3
        }
        skipWhitespace()
        if i >= b.count { throw fail("the file is empty; expected a JSON value") }
        let v = try parseValue(depth: 0)
        skipWhitespace()
        if i < b.count { throw fail("expected the end of the file after the JSON value, found \(found)") }
        return v
    }

    private mutating func skipWhitespace() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
                continuation = 0
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard i < b.count else { throw fail("expected a value, found the end of the file") }
        let l = line, c = column
        switch b[i] {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
            return JSONValue(.object(try parseObject(depth: depth)), line: l, column: c)
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
            return JSONValue(.array(try parseArray(depth: depth)), line: l, column: c)
        case UInt8(ascii: "\""):
            return JSONValue(.string(try parseString()), line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), line: l, column: c)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONValue(.bool(true), line: l, column: c)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONValue(.bool(false), line: l, column: c)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONValue(.null, line: l, column: c)
        default:
            throw fail("expected a value (object, array, string, number, true, false or null), found \(found)")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<n {
            guard i + k < b.count, b[i + k] == w[k] else {
                throw fail("expected a value (object, array, string, number, true, false or null), found \(found)")
            }
        }
        i += n
        if i < b.count, isIdentifierByte(b[i]) {
            throw fail("expected a value (object, array, string, number, true, false or null), found \(found)")
        }
    }

    private func isIdentifierByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> [JSONValue.Member] {
        i += 1  // {
        var members: [JSONValue.Member] = []
        var seen: Set<String>? = nil  // built only for large objects
        skipWhitespace()
        if i < b.count && b[i] == UInt8(ascii: "}") {
            i += 1
            return members
        }
        while true {
            skipWhitespace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else {
                if i < b.count && b[i] == UInt8(ascii: "}") {
                    throw fail(
                        "expected a member name in quotes after \",\", found \"}\" (a trailing comma is not allowed in JSON)"
                    )
                }
                throw fail("expected a member name in double quotes, found \(found)")
            }
            let kl = line, kc = column
            let key = try parseString()
            skipWhitespace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else {
                throw fail("expected \":\" after the member name \"\(key)\", found \(found)")
            }
            i += 1
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue(depth: depth + 1)
            path.removeLast()
            // Duplicate detection: a linear scan for small objects, a set for large ones.
            var firstLine: Int? = nil
            if members.count < 16 {
                if let m = members.first(where: { $0.key == key }) { firstLine = m.line }
            } else {
                if seen == nil { seen = Set(members.map(\.key)) }
                if seen!.contains(key) { firstLine = members.first(where: { $0.key == key })?.line }
            }
            if let firstLine {
                duplicates.append(
                    JSONDuplicateKey(
                        path: renderPath(appending: key), key: key, line: kl, column: kc, firstLine: firstLine))
            } else {
                members.append(JSONValue.Member(key: key, line: kl, column: kc, value: value))
                seen?.insert(key)
            }
            skipWhitespace()
            guard i < b.count else {
                throw fail("expected \",\" or \"}\" after an object member, found the end of the file")
            }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if b[i] == UInt8(ascii: "}") {
                i += 1
                return members
            }
            throw fail("expected \",\" or \"}\" after an object member, found \(found)")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        i += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if i < b.count && b[i] == UInt8(ascii: "]") {
            i += 1
            return items
        }
        path.append(.index(0))
        while true {
            skipWhitespace()
            if i < b.count && b[i] == UInt8(ascii: "]") {
                throw fail("expected a value after \",\", found \"]\" (a trailing comma is not allowed in JSON)")
            }
            path[path.count - 1] = .index(items.count)
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard i < b.count else {
                throw fail("expected \",\" or \"]\" after an array element, found the end of the file")
            }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if b[i] == UInt8(ascii: "]") {
                i += 1
                path.removeLast()
                return items
            }
            throw fail("expected \",\" or \"]\" after an array element, found \(found)")
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = i
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, isDigit(b[i]) else { throw fail("expected a digit in a number, found \(found)") }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i < b.count, isDigit(b[i]) { throw fail("a number must not have leading zeros") }
        } else {
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < b.count, isDigit(b[i]) else {
                throw fail("expected a digit after the decimal point, found \(found)")
            }
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < b.count, isDigit(b[i]) else { throw fail("expected a digit in the exponent, found \(found)") }
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        if i < b.count, isIdentifierByte(b[i]) || b[i] == UInt8(ascii: ".") {
            throw fail("expected the end of the number, found \(found)")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        i += 1  // "
        let start = i
        // Fast path: no escapes.
        var cont = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                guard let s = validUTF8(UnsafeBufferPointer(rebasing: b[start..<i])) else {
                    throw fail("the string is not valid UTF-8")
                }
                continuation += cont
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { continuation += cont; throw controlError(c) }
            if c & 0xC0 == 0x80 { cont += 1 }
            i += 1
        }
        continuation += cont
        if i >= b.count { throw fail("expected a closing \" before the end of the file") }
        // Slow path: escapes.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                guard let s = out.withUnsafeBufferPointer({ validUTF8($0) }) else {
                    throw fail("the string is not valid UTF-8")
                }
                return s
            }
            if c < 0x20 { throw controlError(c) }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < b.count else { break }
                switch b[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    i += 1
                    var scalar = try hexQuad()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                            throw fail(
                                "a \\u escape of a high surrogate must be followed by a \\u escape of a low surrogate")
                        }
                        i += 2
                        let low = try hexQuad()
                        guard low >= 0xDC00 && low < 0xE000 else {
                            throw fail("expected a low surrogate (\\uDC00 to \\uDFFF) after a high surrogate")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw fail("a low surrogate \\u escape without a high surrogate before it")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                    continue  // hexQuad advanced i
                default:
                    throw fail(
                        "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after \\, found \(found)")
                }
                i += 1
                continue
            }
            if c & 0xC0 == 0x80 { continuation += 1 }
            out.append(c)
            i += 1
        }
        throw fail("expected a closing \" before the end of the file")
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < b.count else { throw fail("expected four hex digits after \\u, found the end of the file") }
            let c = b[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("expected four hex digits after \\u, found \(found)")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private func controlError(_ c: UInt8) -> JSONSyntaxError {
        if c == 0x0A || c == 0x0D {
            return fail("expected a closing \" before the end of the line (write a line break in a string as \\n)")
        }
        return fail("a control character (U+\(hex4(UInt32(c)))) must be escaped in a string")
    }

    private func renderPath(appending key: String) -> String {
        var s = "$"
        for p in path {
            switch p {
            case .key(let k): s += JSONPath.member(k)
            case .index(let n): s += "[\(n)]"
            }
        }
        return s + JSONPath.member(key)
    }
}

/// The string of `bytes` when they are valid UTF-8, else nil. (Decoding
/// repairs invalid bytes with U+FFFD, so the text differs from the bytes
/// exactly when they were invalid; `String(validating:)` would need macOS 15.)
func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let s = String(decoding: bytes, as: UTF8.self)
    return s.utf8.count == bytes.count && s.utf8.elementsEqual(bytes) ? s : nil
}

func hex4(_ v: UInt32) -> String {
    let h = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - h.count)) + h
}

/// Rendering of JSON paths (`$.hosts[2].offers[0].capacity`).
enum JSONPath {
    /// `.key` for plain names, `["odd key"]` otherwise.
    static func member(_ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.utf8.allSatisfy { c in
                (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
                    || c == 0x2D
            } && !(key.utf8.first! >= 0x30 && key.utf8.first! <= 0x39)
        if plain { return "." + key }
        return "[" + JSONWriting.quoted(key) + "]"
    }
}
