import PlacementCSV
import PlacementModel
import Testing

/// CSV inputs the fuzz targets found to crash the reader, each reproduced
/// first (Tests/PlacementModelTests/FuzzFindingsTests.swift has the JSON ones).
@Suite struct FuzzFindingsCSVTests {
    /// `weeks` up to Int.max read as a number and overflowed `7 * weeks` in
    /// the "does a stay fit" check (a trap; Int.max itself is now out of
    /// range, below): more weeks than the calendar holds is an error naming
    /// the cell.
    @Test func weeksBeyondTheCalendarAreAnInputError() throws {
        let folder = try makeFolder([
            "participants.csv": participantsHeader + "\nES-001,ES,tourism,2026-03-02,2026-06-28,999999999999999999\n",
            "hosts.csv": minimalHosts, "offers.csv": minimalOffers,
        ])
        let error = #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder) }
        let messages = error?.errors.map { "\($0.location): \($0.message)" } ?? []
        #expect(
            messages.count == 1 && messages[0].hasPrefix("line 2, column \"weeks\": weeks must be at most 521775"),
            "\(messages)")
    }

    /// A host capacity of 19 digits (found by the CSV fuzz target) read from
    /// CSV, which takes any Int, but not back from the JSON allvet writes of
    /// it (`export --to json`), which holds numbers to 18 digits. Both forms
    /// now take the same whole numbers: below 10^18 in magnitude.
    @Test(arguments: ["1024819115206086198", "-1000000000000000000", "9223372036854775807"])
    func wholeNumbersOfNineteenDigitsAreOutOfRange(_ cell: String) throws {
        let folder = try makeFolder([
            "participants.csv": participantsHeader + "\nES-001,ES,tourism,2026-03-02,2026-06-28,2\n",
            "hosts.csv": "id,country,capacity\nDE-H0001,DE,\(cell)\n", "offers.csv": minimalOffers,
        ])
        let error = #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder) }
        let messages = error?.errors.map { "\($0.location): \($0.message)" } ?? []
        #expect(
            messages == [
                "line 2, column \"capacity\": The number \(cell) is out of range; expected at most 18 digits."
            ], "\(messages)")
    }

    /// 18 digits are read, in both forms.
    @Test func wholeNumbersOfEighteenDigitsAreRead() throws {
        let folder = try makeFolder([
            "participants.csv": participantsHeader + "\nES-001,ES,tourism,2026-03-02,2026-06-28,2\n",
            "hosts.csv": "id,country,capacity\nDE-H0001,DE,999999999999999999\n", "offers.csv": minimalOffers,
        ])
        let (instance, _) = try InstanceCSVReader.read(folder: folder)
        #expect(instance.hosts.first?.capacity == 999_999_999_999_999_999)
        let json = Array(InstanceJSONWriter.write(instance).utf8)
        #expect(try InstanceJSONReader.read(data: json, file: "round.json").0 == instance)
    }
}

/// Ids, country codes and kinds in CSV cells, read as in JSON
/// (TypedText.swift; issue 14, item 6 and "CSV accepts Apprentice").
@Suite struct TypedCellTests {
    static func read(participant row: String, hosts: String = minimalHosts, offers: String = minimalOffers)
        throws -> (Instance?, [String])
    {
        let folder = try makeFolder([
            "participants.csv": "id,kind,country,sector,available_from,available_to,weeks\n" + row + "\n",
            "hosts.csv": hosts, "offers.csv": offers,
        ])
        do {
            let (instance, warnings) = try InstanceCSVReader.read(folder: folder)
            return (instance, warnings.map { "\($0.severity) \($0.location): \($0.message)" })
        } catch {
            return (nil, error.diagnostics.map { "\($0.severity) \($0.location): \($0.message)" })
        }
    }

    @Test func paddedAndLowerCaseValuesAreTidiedWithAWarning() throws {
        let (instance, messages) = try Self.read(
            participant: "ES-001 ,Staff, es ,tourism,2026-03-02,2026-06-28,2",
            offers: "id,host_id,sectors,from,to,capacity\nDE-H0001/o,DE-H0001 ,tourism,2026-03-02,2026-06-28,1\n")
        let p = try #require(instance?.participants.first)
        #expect(p.id == "ES-001" && p.kind == .staff && p.country == "ES")
        #expect(instance?.hosts.first?.offers.map(\.id) == ["DE-H0001/o"])
        #expect(
            messages == [
                "warning line 2, column \"id\": The participant id \"ES-001 \" has spaces around it; read as \"ES-001\".",
                "warning line 2, column \"kind\": The kind \"Staff\" is read as \"staff\".",
                "warning line 2, column \"country\": The country \" es \" is read as \"ES\" (ISO 3166-1 alpha-2 codes are two capital letters).",
                "warning line 2, column \"host_id\": The host id \"DE-H0001 \" has spaces around it; read as \"DE-H0001\".",
            ], "\(messages)")
    }

    @Test func aCountryThatIsNoCodeIsAnError() throws {
        let (instance, messages) = try Self.read(
            participant: "ES-001,,Spain,tourism,2026-03-02,2026-06-28,2", hosts: "id,country\nDE-H0001,Deutschland\n")
        #expect(instance == nil)
        #expect(
            messages == [
                "error line 2, column \"country\": \"Spain\" is not an ISO 3166-1 alpha-2 country code; for this country write \"ES\".",
                "error line 2, column \"country\": \"Deutschland\" is not an ISO 3166-1 alpha-2 country code; for this country write \"DE\".",
            ], "\(messages)")
    }
}

/// Found by the CSV fuzz target after the dialect change: a Windows-1252
/// 0xA0 (no-break space) after a preference stayed in CSV, where the JSON
/// reader trims it, so a round exported to JSON read back different.
@Suite struct NoBreakSpaceTests {
    @Test func noBreakSpacesAroundListItemsAreTrimmedAsInJSON() throws {
        let folder = try makeFolder([
            "participants.csv": participantsHeader + ",preferences\n"
                + "ES-001,ES,tourism,2026-03-02,2026-06-28,2,DE-H0001\u{A0}\u{A0};\u{A0}DE-H0001/o1\n",
            "hosts.csv": minimalHosts, "offers.csv": minimalOffers,
        ])
        let (instance, _) = try InstanceCSVReader.read(folder: folder)
        #expect(instance.participants[0].preferences == ["DE-H0001", "DE-H0001/o1"])
        let json = Array(InstanceJSONWriter.write(instance).utf8)
        #expect(try InstanceJSONReader.read(data: json, file: "round.json").0 == instance)
    }
}

/// Found by the CSV fuzz target: a `min_age` of 18 digits overflowed the
/// date arithmetic of the age filter (a trap in `Day(year:month:day:)`).
@Suite struct MinAgeTests {
    @Test(arguments: ["151", "999999999999999999"])
    func aMinAgeBeyondAnyAgeIsAnInputError(_ cell: String) throws {
        let folder = try makeFolder([
            "participants.csv": participantsHeader
                + ",birth_date\nES-001,ES,tourism,2026-03-02,2026-06-28,2,2006-05-17\n",
            "hosts.csv": minimalHosts,
            "offers.csv":
                "id,host_id,sectors,from,to,capacity,min_age\nDE-H0001/o1,DE-H0001,tourism,2026-01-05,2026-12-27,1,\(cell)\n",
        ])
        let error = #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder) }
        #expect(
            error?.errors.map { "\($0.location): \($0.message)" } == [
                "line 2, column \"min_age\": min_age must be at most 150 (an age in years), found \(cell)"
            ])
    }
}
