/// Values people type into a round, read the same way by both readers (JSON
/// and CSV): the one place that says how ids, country codes and participant
/// kinds are tidied, and which are refused (docs/inputs.md, "Ids, countries
/// and kinds").
///
/// Nothing is tidied silently: each tidied value comes with a note the
/// reader reports as a warning at the value's place.
public enum TextReading<Value: Equatable>: Equatable {
    /// Read exactly as written.
    case asGiven(Value)
    /// Read after tidying (case, surrounding spaces); `note` says how.
    case tidied(Value, note: String)
    /// Not a value of its kind; `message` says what to write instead.
    case refused(String)
}

/// Spaces and tabs around a value (also the no-break space spreadsheets
/// keep), but not line breaks: a line break in an id is a control
/// character, refused by the instance checks. The one definition of
/// "spaces around" for both readers: the CSV reader's cells use it too, so
/// that a value reads the same in both forms.
public func trimmedSpaces(_ s: String) -> String {
    // Most cells start and end with a printable ASCII byte: nothing to trim.
    if let f = s.utf8.first, let l = s.utf8.last, (0x21..<0x80).contains(f), (0x21..<0x80).contains(l) { return s }
    func isSpace(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline }
    guard let first = s.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = s.lastIndex(where: { !isSpace($0) })!
    return String(s[first...last])
}

/// Ids (participants, hosts, offers, and the ids a preference or an
/// offer's `host_id` names) are compared exactly, so a padded cell (`"ES-001 "`)
/// would name nothing: spaces around an id are removed, with a note.
public enum IdentifierText {
    public static func read(_ text: String, what: String) -> TextReading<String> {
        let t = trimmedSpaces(text)
        guard t != text else { return .asGiven(text) }
        return .tidied(
            t,
            note: "the \(what) \"\(ControlCharacters.escaped(text, keepLineBreaks: false))\" has spaces around it; "
                + "read as \"\(ControlCharacters.escaped(t, keepLineBreaks: false))\"")
    }
}

extension ParticipantKind {
    /// `apprentice` or `staff` in any letter case, spaces around ignored
    /// (a spreadsheet capitalises a cell's first letter).
    public static func read(_ text: String) -> TextReading<ParticipantKind> {
        let t = trimmedSpaces(text).lowercased()
        guard let kind = ParticipantKind(rawValue: t) else {
            return .refused("unknown kind \"\(text)\"; expected apprentice or staff")
        }
        if t == text { return .asGiven(kind) }
        return .tidied(kind, note: "the kind \"\(text)\" is read as \"\(t)\"")
    }
}

/// Language codes (`en`, `es`) are compared exactly between participants
/// and offers, so `EN:B1` silently failed to match an offer needing `en`:
/// a code is lower-cased, with a note (issue 13).
public enum LanguageCode {
    /// A code that is empty once its spaces are trimmed is refused (a key
    /// `"\t"` was read as `""`, which the writer then wrote and no reader
    /// accepts: found by the fuzz target instance-json).
    public static func read(_ text: String) -> TextReading<String> {
        let t = trimmedSpaces(text).lowercased()
        if t.isEmpty { return .refused("a language code must not be empty") }
        if t == text { return .asGiven(text) }
        return .tidied(t, note: "the language code \"\(text)\" is read as \"\(t)\" (codes are compared in lower case)")
    }
}

extension LanguageLevel {
    /// `A1` … `C2` or `native` in any letter case, in both forms (issue 13).
    public static func read(_ text: String) -> LanguageLevel? {
        let t = trimmedSpaces(text)
        if t.lowercased() == "native" { return .native }
        return LanguageLevel(rawValue: t.uppercased())
    }
}

/// ISO 3166-1 alpha-2 country codes. `require_abroad` and every country
/// scope compare codes exactly, so `"es"`, `"ES "` or `"SPAIN"` would each
/// be a country of their own: a code is upper-cased and trimmed (with a
/// note), and anything that is not then an assigned code is refused.
public enum CountryCode {
    public static func read(_ text: String) -> TextReading<String> {
        let t = trimmedSpaces(text)
        if t.isEmpty { return .asGiven(text) }  // empty is the instance checks' error
        let upper = t.uppercased()
        guard upper.utf8.count == 2, assigned.contains(upper) else {
            return .refused(refusal(text, upper))
        }
        if upper == text { return .asGiven(upper) }
        return .tidied(
            upper,
            note: "the country \"\(text)\" is read as \"\(upper)\" (ISO 3166-1 alpha-2 codes are two capital letters)")
    }

    private static func refusal(_ text: String, _ upper: String) -> String {
        let shown = ControlCharacters.escaped(text, keepLineBreaks: false)
        var message = "\"\(shown)\" is not an ISO 3166-1 alpha-2 country code"
        if let (code, why) = hints[upper] {
            message += "; \(why) write \"\(code)\""
        } else {
            message += "; write the country's two-letter code, such as ES, PT, FI, PL or DE"
        }
        return message
    }

    /// The 249 officially assigned codes, and XK (Kosovo), a user-assigned
    /// code the European Commission and its Erasmus+ tools use.
    public static let assigned: Set<String> = Set(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY \
        BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK \
        FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR \
        IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK \
        ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM \
        PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF \
        TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
        """.split(separator: " ").map(String.init))

    /// What coordinators write instead of a code: the EU's own
    /// abbreviations, alpha-3 codes, and the alliance countries' names in
    /// its six languages.
    static let hints: [String: (String, String)] = {
        var h: [String: (String, String)] = [
            "EL": ("GR", "EL is the EU's abbreviation for Greece; in ISO 3166-1"),
            "UK": ("GB", "UK is the EU's abbreviation for the United Kingdom; in ISO 3166-1"),
        ]
        let names: [String: [String]] = [
            "ES": ["ESP", "SPAIN", "ESPAÑA", "ESPANA", "ESPANHA", "ESPANJA", "HISZPANIA", "SPANIEN"],
            "PT": ["PRT", "PORTUGAL", "PORTUGALIA", "PORTUGALI"],
            "FI": ["FIN", "FINLAND", "FINLANDIA", "FINLÂNDIA", "SUOMI", "FINNLAND"],
            "PL": ["POL", "POLAND", "POLONIA", "POLÓNIA", "PUOLA", "POLSKA", "POLEN"],
            "DE": ["DEU", "GERMANY", "ALEMANIA", "ALEMANHA", "SAKSA", "NIEMCY", "DEUTSCHLAND"],
        ]
        for (code, words) in names {
            for w in words { h[w] = (code, "for this country") }
        }
        return h
    }()
}
