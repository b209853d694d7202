/// Shared machinery of the JSON readers: typed access to a parsed
/// ``JSONValue`` that records a ``Diagnostic`` (with the JSON path) for each
/// problem and keeps going, so that one run reports every error.
///
/// Conventions (the same for instances and policies):
/// - `null` for an optional field means "not given".
/// - A whole number may be written `4`, `4.0` or `4e0`; `2.5` is an error.
/// - Unknown fields are errors; a near miss gets a "did you mean" hint.
struct JSONReadContext {
    let file: String
    private var kept: [Diagnostic] = []
    private var cap = DiagnosticCap()
    /// Every diagnostic kept, then a closing line for each kind over the cap (``DiagnosticCap``).
    var diagnostics: [Diagnostic] { kept + cap.closing }

    init(file: String) { self.file = file }

    var hasErrors: Bool { kept.contains { $0.severity == .error } }

    private mutating func add(_ d: Diagnostic) {
        if cap.admit(d) { kept.append(d) }
    }

    /// Checks the file's `format` tag: missing, or not `expected` (with a
    /// hint when it names the other kind of file).
    mutating func checkFormat(_ o: JSONObject, expected: String, otherPrefix: String, otherHint: String) {
        guard let v = o["format"] else {
            error(o.path, "missing required field \"format\"; expected \"format\": \"\(expected)\"")
            return
        }
        guard let s = string(v, o.path("format")) else { return }
        if s != expected {
            var msg = "unsupported format \"\(s)\"; expected \"\(expected)\""
            if s.hasPrefix(otherPrefix) { msg += " (\(otherHint))" }
            error(o.path("format"), msg)
        }
    }

    mutating func error(_ path: String, _ message: String) {
        add(Diagnostic(.error, file: file, location: path, message: message))
    }

    mutating func warning(_ path: String, _ message: String) {
        add(Diagnostic(.warning, file: file, location: path, message: message))
    }

    mutating func append(_ more: [Diagnostic]) { kept += more }

    /// Parses `bytes`, turning syntax errors and duplicate keys into diagnostics.
    /// Returns nil after a syntax error (nothing more can be read).
    mutating func parse(_ bytes: [UInt8]) -> JSONValue? {
        do {
            let (value, duplicates) = try JSONValue.parse(bytes)
            for d in duplicates {
                error(
                    d.path,
                    "duplicate key \"\(d.key)\" (line \(d.line), column \(d.column)); it was first given on line \(d.firstLine). Each key may appear once per object."
                )
            }
            return value
        } catch {
            add(
                Diagnostic(
                    .error, file: file, location: "line \(error.line), column \(error.column)", message: error.message))
            return nil
        }
    }

    // MARK: Objects

    /// The members of an object, after checking that every key is allowed.
    /// Records "expected an object" and returns nil for any other value.
    mutating func object(_ v: JSONValue, _ path: String, allowed: [String]) -> JSONObject? {
        guard case .object(let members) = v.content else {
            error(path, "expected an object, found \(v.kindDescription)")
            return nil
        }
        for m in members where !allowed.contains(m.key) {
            let p = path + JSONPath.member(m.key)
            var msg = "unknown field \"\(m.key)\"; expected one of \(allowed.joined(separator: ", "))"
            if let s = nearest(m.key, among: allowed) { msg += " (did you mean \"\(s)\"?)" }
            error(p, msg)
        }
        return JSONObject(members: members, path: path)
    }

    /// The value of a required member; records "missing required field" when absent or null.
    mutating func required(_ o: JSONObject, _ key: String) -> JSONValue? {
        if let v = o[key] { return v }
        error(o.path, "missing required field \"\(key)\"")
        return nil
    }

    // MARK: Scalars

    mutating func string(_ v: JSONValue, _ path: @autoclosure () -> String) -> String? {
        guard case .string(let s) = v.content else {
            error(path(), "expected a string, found \(v.kindDescription)")
            return nil
        }
        return s
    }

    /// A non-empty string (ids, codes).
    mutating func nonEmptyString(_ v: JSONValue, _ path: @autoclosure () -> String) -> String? {
        guard let s = string(v, path()) else { return nil }
        if s.isEmpty {
            error(path(), "must not be empty")
            return nil
        }
        return s
    }

    mutating func bool(_ v: JSONValue, _ path: @autoclosure () -> String) -> Bool? {
        guard case .bool(let b) = v.content else {
            error(path(), "expected true or false, found \(v.kindDescription)")
            return nil
        }
        return b
    }

    /// The literal text of a number.
    mutating func numberLiteral(_ v: JSONValue, _ path: @autoclosure () -> String) -> String? {
        guard case .number(let n) = v.content else {
            error(path(), "expected a number, found \(v.kindDescription)")
            return nil
        }
        return n
    }

    /// A whole number, written without a fractional part that is not zero.
    mutating func wholeNumber(_ v: JSONValue, _ path: @autoclosure () -> String) -> Int? {
        guard let n = numberLiteral(v, path()) else { return nil }
        guard let d = ExactDecimal(literal: n), d.denominator == 1 else {
            if let d = ExactDecimal(literal: n), d.denominator != 1 {
                error(path(), "expected a whole number, found \(n)")
            } else {
                error(path(), "the number \(n) is out of range")
            }
            return nil
        }
        return d.numerator
    }

    /// An exact decimal (shares, rates, parities).
    mutating func exactDecimal(_ v: JSONValue, _ path: @autoclosure () -> String) -> ExactDecimal? {
        guard let n = numberLiteral(v, path()) else { return nil }
        guard let d = ExactDecimal(literal: n) else {
            error(path(), "the number \(n) has too many digits to be held exactly (at most 18 significant digits)")
            return nil
        }
        return d
    }

    /// A finite number as a Double (weights, penalties, limits).
    mutating func double(_ v: JSONValue, _ path: @autoclosure () -> String) -> Double? {
        guard let n = numberLiteral(v, path()) else { return nil }
        guard let d = Double(n), d.isFinite else {
            error(path(), "the number \(n) is out of range")
            return nil
        }
        return d
    }

    /// An ISO 8601 calendar date `YYYY-MM-DD` that exists.
    mutating func day(_ v: JSONValue, _ path: @autoclosure () -> String) -> Day? {
        guard let s = string(v, path()) else { return nil }
        if let d = Day(iso: s) { return d }
        let shape =
            s.utf8.count == 10
            && s.utf8.enumerated().allSatisfy { k, c in
                (k == 4 || k == 7) ? c == UInt8(ascii: "-") : (c >= 0x30 && c <= 0x39)
            }
        if shape {
            error(path(), "\"\(s)\" is not a date of the calendar; expected an existing date YYYY-MM-DD")
        } else {
            error(path(), "expected a date YYYY-MM-DD (ISO 8601, e.g. \"2026-03-02\"), found \"\(s)\"")
        }
        return nil
    }

    /// A CEFR level, written exactly `A1` … `C2` or `native`. A level in
    /// other letter case is an error with a hint (a typo must not pass).
    /// A CEFR level `A1` … `C2` or `native`, in any letter case (as in CSV).
    mutating func level(_ v: JSONValue, _ path: @autoclosure () -> String) -> LanguageLevel? {
        guard let s = string(v, path()) else { return nil }
        if let l = LanguageLevel.read(s) { return l }
        error(path(), "unknown language level \"\(s)\"; expected one of A1, A2, B1, B2, C1, C2, native")
        return nil
    }

    mutating func kind(_ v: JSONValue, _ path: @autoclosure () -> String) -> ParticipantKind? {
        guard let s = string(v, path()) else { return nil }
        if let k = typed(ParticipantKind.read(s), path()) { return k }
        var msg = "unknown kind \"\(s)\"; expected one of apprentice, staff"
        if let n = nearest(s, among: ParticipantKind.allCases.map(\.rawValue)) { msg += " (did you mean \"\(n)\"?)" }
        error(path(), msg)
        return nil
    }

    /// An id, spaces around it removed with a warning (``IdentifierText``).
    mutating func id(_ v: JSONValue, _ path: @autoclosure () -> String, what: String) -> String? {
        guard let s = string(v, path()) else { return nil }
        return typed(IdentifierText.read(s, what: what), path())
    }

    /// An ISO 3166-1 alpha-2 code, tidied with a warning or refused (``CountryCode``).
    mutating func country(_ v: JSONValue, _ path: @autoclosure () -> String) -> String? {
        guard let s = string(v, path()) else { return nil }
        switch CountryCode.read(s) {
        case .refused(let message):
            error(path(), message)
            return nil
        case let reading: return typed(reading, path())
        }
    }

    /// The value of a reading, its note as a warning; nil (and nothing
    /// reported) when refused, for the caller's own message.
    mutating func typed<T>(_ reading: TextReading<T>, _ path: @autoclosure () -> String) -> T? {
        switch reading {
        case .asGiven(let v): return v
        case .tidied(let v, let note):
            warning(path(), note)
            return v
        case .refused: return nil
        }
    }

    // MARK: Containers

    /// The elements of an array, each with its path.
    mutating func array(_ v: JSONValue, _ path: String) -> [(JSONValue, String)]? {
        guard case .array(let items) = v.content else {
            error(path, "expected an array, found \(v.kindDescription)")
            return nil
        }
        return items.enumerated().map { ($1, "\(path)[\($0)]") }
    }

    mutating func stringArray(_ v: JSONValue, _ path: @autoclosure () -> String) -> [String]? {
        guard case .array(let items) = v.content else {
            error(path(), "expected an array, found \(v.kindDescription)")
            return nil
        }
        var out: [String] = []
        out.reserveCapacity(items.count)
        var ok = true
        for (k, item) in items.enumerated() {
            if let s = string(item, "\(path())[\(k)]") { out.append(s) } else { ok = false }
        }
        return ok ? out : nil
    }

    /// A `{ language: level }` map.
    mutating func levelMap(_ v: JSONValue, _ path: @autoclosure () -> String) -> [String: LanguageLevel]? {
        guard case .object(let members) = v.content else {
            error(path(), "expected an object of language → level, found \(v.kindDescription)")
            return nil
        }
        var out: [String: LanguageLevel] = [:]
        var ok = true
        for m in members {
            let p = path() + JSONPath.member(m.key)
            let reading = LanguageCode.read(m.key)
            if case .refused(let message) = reading {
                error(p, message)
                ok = false
            } else if let l = level(m.value, p) {
                let code = typed(reading, p) ?? m.key
                if out[code] != nil {
                    error(p, "the language \"\(code)\" is given twice; give each language once")
                    ok = false
                }
                out[code] = l
            } else {
                ok = false
            }
        }
        return ok ? out : nil
    }

    /// A string, number or boolean (attribute values, selector values).
    mutating func attributeValue(_ v: JSONValue, _ path: @autoclosure () -> String) -> AttributeValue? {
        switch v.content {
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .number:
            guard let d = double(v, path()) else { return nil }
            return .number(d)
        default:
            error(path(), "expected a string, number or boolean, found \(v.kindDescription)")
            return nil
        }
    }
}

/// An object's members with its path; `null` members read as absent.
struct JSONObject {
    let members: [JSONValue.Member]
    let path: String

    /// The member's value, nil when absent or `null`.
    subscript(key: String) -> JSONValue? {
        for m in members where m.key == key {
            if case .null = m.value.content { return nil }
            return m.value
        }
        return nil
    }

    func path(_ key: String) -> String { path + JSONPath.member(key) }
}

/// The closest name to `word` among `candidates` when it is a plausible typo
/// (edit distance at most 2, or 1/3 of the length), else nil.
func nearest(_ word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased().utf8)
    var best: (String, Int)? = nil
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased().utf8))
        if d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    guard let (name, d) = best else { return nil }
    let limit = max(1, min(2, max(w.count, name.utf8.count) / 3))
    return d <= limit ? name : nil
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
            cur[j] = v
        }
        (prev2, prev, cur) = (prev, cur, prev2)
    }
    return prev[b.count]
}

extension JSONReadContext {
    /// A location `{"lat": …, "lon": …}` in decimal degrees (rounds.md, section 4).
    mutating func location(_ v: JSONValue, _ path: String) -> Location? {
        guard let o = object(v, path, allowed: ["lat", "lon"]) else { return nil }
        let lat = required(o, "lat").flatMap { double($0, o.path("lat")) }
        let lon = required(o, "lon").flatMap { double($0, o.path("lon")) }
        guard let lat, let lon else { return nil }
        guard let l = Location.checked(lat: lat, lon: lon, report: { error(path, $0) }) else { return nil }
        return l
    }

    /// One of a few words (the one reader of keyword fields: `travel`, `together`).
    mutating func keyword<T: RawRepresentable & CaseIterable>(_ v: JSONValue, _ path: String, field: String) -> T?
    where T.RawValue == String {
        guard let s = string(v, path) else { return nil }
        guard let value = T(rawValue: s) else {
            let words = T.allCases.map(\.rawValue)
            error(
                path,
                "unknown \(field) \"\(s)\"; expected \(words.dropLast().joined(separator: ", ")) or \(words.last!)")
            return nil
        }
        return value
    }

    /// `standard` or `green` (rounds.md, section 4).
    mutating func travelMode(_ v: JSONValue, _ path: String) -> TravelMode? { keyword(v, path, field: "travel") }

    /// `city` or `host` (rounds.md, section 2).
    mutating func together(_ v: JSONValue, _ path: String) -> Together? { keyword(v, path, field: "together") }
}
