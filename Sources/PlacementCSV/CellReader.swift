import PlacementModel

/// Decodes the cells of one row, reporting every bad cell with its file,
/// line and column, and returning a stand-in value so decoding goes on.
///
/// Text cells (ids, names, codes, lists, languages) undo the spreadsheet
/// apostrophe: one leading `'` is removed (see ``SpreadsheetText``). Typed
/// cells (numbers, dates, kinds) are read with surrounding spaces ignored.
struct CellReader {
    let table: CSVTable
    let row: CSVRecord

    private func raw(_ column: String) -> String { table.cell(row, column) }

    private func fail(_ column: String, _ message: String, _ sink: inout DiagnosticSink) {
        sink.error(table.file, table.location(row, column), message)
    }

    /// An error about the row, placed at `column`.
    func error(_ column: String, _ message: String, _ sink: inout DiagnosticSink) { fail(column, message, &sink) }

    /// An empty required cell is an error, unless the whole column is
    /// missing (already reported once for the header).
    private func missing(_ column: String, _ expected: String, _ sink: inout DiagnosticSink) {
        guard table.has(column) else { return }
        fail(column, "Expected \(expected), found an empty cell.", &sink)
    }

    /// A text cell; nil when empty (not given).
    func text(_ column: String, required: Bool = false, _ sink: inout DiagnosticSink) -> String? {
        let s = raw(column)
        if s.isEmpty {
            if required { missing(column, "a value", &sink) }
            return nil
        }
        return SpreadsheetText.unescape(s)
    }

    /// A `;`-separated list; nil when the cell is empty. Elements are
    /// trimmed and empty elements dropped, so a cell holding only `;` is an
    /// explicitly empty list.
    func list(_ column: String, required: Bool = false, _ sink: inout DiagnosticSink) -> [String]? {
        guard let s = text(column, required: required, &sink) else { return nil }
        let items = s.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }
        if items.contains(where: { $0.contains(",") }) {
            // `tourism,services` would be one sector nobody has (issue 13).
            sink.warning(
                table.file, table.location(row, column),
                "\"\(s)\" looks like a comma-separated list; lists are separated by ; (a comma is read as part "
                    + "of a name).")
        }
        return items
    }

    /// Space-separated `lang:LEVEL` pairs; empty when the cell is empty.
    func languages(_ column: String, _ sink: inout DiagnosticSink) -> [String: LanguageLevel] {
        guard let s = text(column, &sink) else { return [:] }
        var out: [String: LanguageLevel] = [:]
        for pair in s.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                fail(
                    column, "Expected space-separated lang:LEVEL pairs such as \"es:native en:B1\", found \"\(pair)\".",
                    &sink)
                continue
            }
            let reading = LanguageCode.read(String(parts[0]))
            if case .refused(let message) = reading {
                fail(column, Self.capitalised(message) + ", found \"\(pair)\".", &sink)
                continue
            }
            let lang = typed(reading, column, &sink) ?? String(parts[0])
            guard let level = LanguageLevel.read(String(parts[1])) else {
                fail(
                    column, "Expected a level A1, A2, B1, B2, C1, C2 or native for \"\(lang)\", found \"\(parts[1])\".",
                    &sink)
                continue
            }
            if out[lang] != nil {
                fail(column, "Language \"\(lang)\" is given twice; expected each language once.", &sink)
                continue
            }
            out[lang] = level
        }
        return out
    }

    /// A date, ISO or day first (``CSVDialect/day(_:)``); nil when empty or bad.
    func date(_ column: String, required: Bool = false, _ sink: inout DiagnosticSink) -> Day? {
        let s = raw(column).trimmingSpaces
        if s.isEmpty {
            if required { missing(column, "a date as YYYY-MM-DD", &sink) }
            return nil
        }
        guard let d = CSVDialect.day(s) else {
            fail(
                column,
                "Expected a date as YYYY-MM-DD or day first as DD/MM/YYYY, DD.MM.YYYY or DD-MM-YYYY (e.g. "
                    + "2026-03-02 or 02/03/2026), found \"\(s)\"; is it a real day?", &sink)
            return nil
        }
        return d
    }

    /// A whole number (optionally negative) below 10^18 in magnitude, as in
    /// the JSON form; nil when empty or bad.
    func integer(_ column: String, required: Bool = false, _ sink: inout DiagnosticSink) -> Int? {
        let s = raw(column).trimmingSpaces
        if s.isEmpty {
            if required { missing(column, "a whole number", &sink) }
            return nil
        }
        let (whole, problem) = table.dialect.wholeNumber(s)
        guard let whole else {
            fail(column, "Expected a whole number, found \"\(s)\"" + (problem.map { "; \($0)." } ?? "."), &sink)
            return nil
        }
        // The JSON form holds whole numbers to 18 digits: the same bound here,
        // so that a round reads the same in both forms (and converts).
        guard let v = Int(whole), v.magnitude < 1_000_000_000_000_000_000 else {
            fail(column, "The number \(s) is out of range; expected at most 18 digits.", &sink)
            return nil
        }
        return v
    }

    /// A participant kind (any letter case, tidied with a warning);
    /// `apprentice` when empty.
    func kind(_ column: String, _ sink: inout DiagnosticSink) -> ParticipantKind {
        let s = raw(column)
        if s.trimmingSpaces.isEmpty { return .apprentice }
        guard let k = typed(ParticipantKind.read(s), column, &sink) else {
            fail(column, "Expected apprentice or staff, found \"\(s.trimmingSpaces)\".", &sink)
            return .apprentice
        }
        return k
    }

    /// An id (``IdentifierText``): spaces around it removed with a warning.
    func id(_ column: String, what: String, required: Bool = false, _ sink: inout DiagnosticSink) -> String? {
        guard let s = text(column, required: required, &sink) else { return nil }
        return typed(IdentifierText.read(s, what: what), column, &sink)
    }

    /// An ISO 3166-1 alpha-2 code (``CountryCode``): tidied with a warning,
    /// or an error; nil when empty (and reported when required).
    func country(_ column: String, _ sink: inout DiagnosticSink) -> String? {
        guard let s = text(column, required: true, &sink) else { return nil }
        let reading = CountryCode.read(s)
        if case .refused(let message) = reading {
            fail(column, Self.capitalised(message) + ".", &sink)
            return ""
        }
        return typed(reading, column, &sink)
    }

    /// A reading's message as the start of a cell's sentence (the readings
    /// write them in lower case, for JSON paths and CSV cells alike).
    private static func capitalised(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }

    /// The value of a reading, its note as a warning at this cell; nil when
    /// refused (the caller reports its own message).
    private func typed<T>(_ reading: TextReading<T>, _ column: String, _ sink: inout DiagnosticSink) -> T? {
        switch reading {
        case .asGiven(let v): return v
        case .tidied(let v, let note):
            sink.warning(table.file, table.location(row, column), Self.capitalised(note) + ".")
            return v
        case .refused: return nil
        }
    }

    /// A `;`-separated list of kinds; nil when empty.
    func kinds(_ column: String, _ sink: inout DiagnosticSink) -> [ParticipantKind]? {
        guard let items = list(column, &sink) else { return nil }
        var out: [ParticipantKind] = []
        for item in items {
            guard let k = ParticipantKind(rawValue: item.lowercased()) else {
                fail(column, "Expected a ;-separated list of apprentice and staff, found \"\(item)\".", &sink)
                continue
            }
            out.append(k)
        }
        return out
    }

    /// An attribute cell; nil when empty (the participant has no such attribute).
    func attribute(_ column: String) -> AttributeValue? {
        table.dialect.attribute(raw(column))
    }
}

extension CellReader {
    /// A decimal number (`41.65`, or `41,65` where the file writes decimal
    /// commas); nil when empty or bad.
    func decimal(_ column: String, _ sink: inout DiagnosticSink) -> Double? {
        let s = table.cell(row, column).trimmingSpaces
        guard !s.isEmpty else { return nil }
        var text = s
        if table.dialect.decimalComma, !s.contains(".") { text = s.replacingOccurrences(of: ",", with: ".") }
        guard let d = Double(text), d.isFinite, text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else {
            error(column, "Expected a decimal number such as 41.65, found \"\(s)\".", &sink)
            return nil
        }
        return d
    }

    /// Columns `lat` and `lon` (rounds.md, section 4): both or neither.
    func location(_ sink: inout DiagnosticSink) -> Location? {
        let lat = decimal("lat", &sink), lon = decimal("lon", &sink)
        switch (lat, lon) {
        case (let a?, let b?):
            return Location.checked(lat: a, lon: b) { message in
                error(a.magnitude > 90 ? "lat" : "lon", message + ".", &sink)
            }
        case (nil, nil): return nil
        case (nil, _?):
            if table.cell(row, "lat").trimmingSpaces.isEmpty {
                error("lat", "A location needs both lat and lon; lat is empty.", &sink)
            }
            return nil
        case (_?, nil):
            if table.cell(row, "lon").trimmingSpaces.isEmpty {
                error("lon", "A location needs both lat and lon; lon is empty.", &sink)
            }
            return nil
        }
    }

    /// One of a few words, `fallback` when empty (the one reader of
    /// keyword cells: `travel`, `together`).
    func keyword<T: RawRepresentable & CaseIterable>(
        _ column: String, fallback: T, _ sink: inout DiagnosticSink
    ) -> T where T.RawValue == String {
        let s = table.cell(row, column).trimmingSpaces.lowercased()
        if s.isEmpty { return fallback }
        guard let v = T(rawValue: s) else {
            let words = T.allCases.map(\.rawValue)
            let expected = words.dropLast().joined(separator: ", ") + " or " + words.last!
            error(column, "Expected \(expected), found \"\(s)\".", &sink)
            return fallback
        }
        return v
    }

    /// `standard` (also when empty) or `green` (rounds.md, section 4).
    func travel(_ column: String, _ sink: inout DiagnosticSink) -> TravelMode {
        keyword(column, fallback: .standard, &sink)
    }

    /// `city` (also when empty) or `host` (rounds.md, section 2).
    func together(_ column: String, _ sink: inout DiagnosticSink) -> Together {
        keyword(column, fallback: .city, &sink)
    }
}
