import Foundation
import PlacementModel
import Testing

@testable import PlacementCSV

/// The example round as spreadsheets save it in the alliance's locales
/// (Fixtures/dialects, written by scripts/make-dialect-fixtures.py; issue
/// 13): each reads to exactly the round of instances/example-csv, and says
/// how it was read.
@Suite struct DialectTests {
    static let dialects = repositoryRoot().appendingPathComponent("Tests/PlacementCSVTests/Fixtures/dialects")

    /// instances/example-csv with the one accent the fixtures add.
    static func expected() throws -> Instance {
        var (instance, _) = try InstanceCSVReader.read(
            folder: repositoryRoot().appendingPathComponent("instances/example-csv").path)
        for h in instance.hosts.indices where instance.hosts[h].name == "Pastelaria Belem" {
            instance.hosts[h].name = "Pastelaria Belém"
        }
        return instance
    }

    /// Each locale with the notes its files get: the separator on all
    /// three; Windows-1252 only on hosts.csv, the one file with a letter
    /// outside ASCII (the others are valid UTF-8 as they are).
    @Test(arguments: [
        ("en-GB", [String: Int]()),
        ("es-ES", ["Read as Windows-1252": 1, "Read with a semicolon (;) between cells": 3]),
        ("pt-PT", ["Read as Windows-1252": 1, "Read with a semicolon (;) between cells": 3]),
        ("fi-FI", ["Read with a semicolon (;) between cells": 3]),
        ("pl-PL", ["Read with a semicolon (;) between cells": 3]),
        ("de-DE", ["Read as Windows-1252": 1, "Read with a semicolon (;) between cells": 3]),
        ("es-ES-unicode", ["Read as UTF-16 (little-endian)": 3, "Read with a tab between cells": 3]),
    ])
    func eachLocaleReadsToTheSameRound(_ locale: String, _ notes: [String: Int]) throws {
        let (instance, warnings) = try InstanceCSVReader.read(folder: Self.dialects.appendingPathComponent(locale).path)
        let expected = try Self.expected()
        #expect(instance.participants == expected.participants)
        #expect(instance.hosts == expected.hosts)
        // Every file says how it was read, and nothing else is said.
        let said = warnings.map(\.message)
        for (note, count) in notes {
            #expect(said.filter { $0.hasPrefix(note) }.count == count, "\(locale): \(said)")
        }
        #expect(said.count == notes.values.reduce(0, +) + expectedExampleWarnings, "\(locale): \(said)")
    }

    /// The example's own warnings (a preference naming nothing), in every form.
    var expectedExampleWarnings: Int {
        (try? InstanceCSVReader.read(
            folder: repositoryRoot().appendingPathComponent("instances/example-csv").path
        ).warnings.count) ?? -1
    }

    @Test func datesAreISOOrDayFirst() {
        let day = { (s: String) in CSVDialect.day(s).map(\.description) }
        #expect(day("2026-03-02") == "2026-03-02")
        #expect(day("02/03/2026") == "2026-03-02")
        #expect(day("2/3/2026") == "2026-03-02")
        #expect(day("02.03.2026") == "2026-03-02")
        #expect(day("02-03-2026") == "2026-03-02")
        for bad in ["31/02/2026", "2026/03/02", "02/03/26", "3/2026", "02/03/2026x", "002/03/2026"] {
            #expect(day(bad) == nil, "\(bad)")
        }
    }

    /// Spanish Excel's `VERDADERO` made an attribute a string, a quota's `who`
    /// then selected nobody and `solve` said "optimal; placed 0". Booleans
    /// in the six languages are booleans; `1,5` is a number where numbers
    /// have decimal commas; `8,0` a whole number, `1.000` there ambiguous.
    @Test func spreadsheetValuesInASemicolonFile() throws {
        let folder = try makeFolder([
            "participants.csv": "id;country;sector;available_from;available_to;weeks;fo;score\n"
                + "ES-001;ES;tourism;02/03/2026;28/06/2026;8,0;VERDADERO;1,5\n"
                + "ES-002;ES;tourism;02/03/2026;28/06/2026;2;fałsz;2\n",
            "hosts.csv": "id;country\nDE-H0001;DE\n",
            "offers.csv":
                "id;host_id;sectors;from;to;capacity\nDE-H0001/o1;DE-H0001;tourism;05/01/2026;27/12/2026;1.000\n",
        ])
        let error = #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder) }
        #expect(
            error?.errors.map(\.message) == [
                "Expected a whole number, found \"1.000\"; this file writes numbers with decimal commas, so \"1.000\" is ambiguous; write it without a thousands separator (1000)."
            ])
        try "id;host_id;sectors;from;to;capacity\nDE-H0001/o1;DE-H0001;tourism;05/01/2026;27/12/2026;1\n"
            .write(toFile: folder + "/offers.csv", atomically: true, encoding: .utf8)
        let (instance, _) = try InstanceCSVReader.read(folder: folder)
        let p = instance.participants
        #expect(p.map(\.weeks) == [8, 2])
        #expect(p[0].attributes.map(\.value) == [.bool(true), .number(1.5)])
        #expect(p[1].attributes.map(\.value) == [.bool(false), .number(2)])
    }

    /// Columns after the last named one are dropped when empty; a nameless
    /// column with anything in it is still an error (bad-csv/nameless-column).
    @Test func trailingEmptyColumnsAreIgnored() throws {
        let folder = try makeFolder([
            "participants.csv": "id,country,sector,available_from,available_to,weeks,,\n"
                + "ES-001,ES,tourism,2026-03-02,2026-06-28,2,,\n",
            "hosts.csv": "id,country,\nDE-H0001,DE,\n", "offers.csv": minimalOffers,
        ])
        let (instance, warnings) = try InstanceCSVReader.read(folder: folder)
        #expect(instance.participants.map(\.id) == ["ES-001"])
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func bytesThatAreNotUTF16AfterItsMarkAreAnError() throws {
        let folder = try makeFolder(["hosts.csv": minimalHosts, "offers.csv": minimalOffers])
        try Data([0xFF, 0xFE, 0x41]).write(to: URL(fileURLWithPath: folder + "/participants.csv"))
        let error = #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder) }
        #expect(
            error?.errors.map(\.message) == [
                "The file starts as UTF-16 but is not valid UTF-16; save it again as UTF-8 CSV."
            ])
    }
}

/// CSV cells that once passed silently (issue 13).
@Suite struct SilentCSVMistakeTests {
    @Test func commaListsAndUpperCaseLanguageCodesAreWarned() throws {
        let folder = try makeFolder([
            "participants.csv": "id,country,sector,languages,available_from,available_to,weeks,needs\n"
                + "ES-001,ES,tourism,EN:B1 es:native,2026-03-02,2026-06-28,2,\"wheelchair,hearing\"\n",
            "hosts.csv": "id,country,accessibility\nDE-H0001,DE,wheelchair;hearing\n", "offers.csv": minimalOffers,
        ])
        let (instance, warnings) = try InstanceCSVReader.read(folder: folder)
        #expect(instance.participants[0].languages == ["en": .b1, "es": .native])
        #expect(
            warnings.map { "\($0.location): \($0.message)" }.filter { !$0.contains("provides the need") } == [
                "line 2, column \"languages\": The language code \"EN\" is read as \"en\" (codes are compared in lower case).",
                "line 2, column \"needs\": \"wheelchair,hearing\" looks like a comma-separated list; lists are separated by ; (a comma is read as part of a name).",
            ], "\(warnings)")
    }
}

/// `--encoding` when the bytes deceive (issue 13).
@Suite struct ForcedEncodingTests {
    /// `Ã©` is "é" in UTF-8 and "Ã©" in Windows-1252: valid UTF-8, so only a
    /// forced encoding reads a Windows file with it as written.
    @Test func aForcedEncodingReadsWhatTheBytesDoNotTell() throws {
        let folder = try makeFolder(["participants.csv": participantsHeader + "\n", "offers.csv": minimalOffers])
        try Data([UInt8]("id,name,country\nDE-H0001,Caf".utf8) + [0xC3, 0xA9] + [UInt8]("s,DE\n".utf8))
            .write(to: URL(fileURLWithPath: folder + "/hosts.csv"))
        #expect(try InstanceCSVReader.read(folder: folder).0.hosts[0].name == "Cafés")
        #expect(try InstanceCSVReader.read(folder: folder, encoding: .windows1252).0.hosts[0].name == "CafÃ©s")
        #expect(try InstanceCSVReader.read(folder: folder, encoding: .windows1252).warnings.isEmpty)
    }

    @Test func forcedUTF8RefusesWindowsBytesAndForcedUTF16NeedsNoMark() throws {
        let folder = try makeFolder(["participants.csv": participantsHeader + "\n", "offers.csv": minimalOffers])
        try Data([UInt8]("id,name,country\nDE-H0001,Caf".utf8) + [0xE9] + [UInt8](",DE\n".utf8))
            .write(to: URL(fileURLWithPath: folder + "/hosts.csv"))
        #expect(try InstanceCSVReader.read(folder: folder).0.hosts[0].name == "Café")
        let error = #expect(throws: InputError.self) { try InstanceCSVReader.read(folder: folder, encoding: .utf8) }
        #expect(error?.errors.first?.message.contains("not valid UTF-8") == true, "\(String(describing: error))")
        // Every file of the folder is read in the forced encoding.
        for (file, text) in [
            ("participants.csv", participantsHeader + "\n"), ("hosts.csv", "id,country\nDE-H0001,DE\n"),
            ("offers.csv", minimalOffers),
        ] {
            let utf16 = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            try Data(utf16).write(to: URL(fileURLWithPath: folder + "/" + file))
        }
        #expect(try InstanceCSVReader.read(folder: folder, encoding: .utf16).0.hosts.map(\.id) == ["DE-H0001"])
    }
}
