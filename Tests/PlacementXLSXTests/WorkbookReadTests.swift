import Foundation
import PlacementCSV
import PlacementModel
import Testing

@testable import PlacementXLSX

/// Workbooks written by real spreadsheet code, not allvet's (Fixtures/,
/// by openpyxl and xlsxwriter; scripts/make-xlsx-fixtures.py): each reads
/// to exactly the round of instances/example-csv, and every mistake is
/// named by sheet, row and column (issue 13).
@Suite struct WorkbookReadTests {
    @Test(arguments: ["example-openpyxl.xlsx", "example-xlsxwriter.xlsx", "example-libreoffice.xlsx"])
    func aWorkbookReadsToTheSameRoundAsItsCSVFolder(_ name: String) throws {
        let (expected, expectedWarnings) = try exampleRound()
        let (instance, warnings) = try InstanceXLSXReader.read(path: fixture(name))
        #expect(instance.name == String(name.dropLast(5)))
        #expect(instance.participants == expected.participants)
        #expect(instance.hosts == expected.hosts)
        // The same warnings (a preference naming nothing), now at a sheet's row.
        #expect(warnings.map(\.message) == expectedWarnings.map(\.message))
        #expect(warnings.allSatisfy { $0.location.hasPrefix("sheet \"participants\", row ") }, "\(warnings)")
    }

    @Test func aTextDateThatIsNoDateIsNamedBySheetRowAndColumn() {
        let found = errors { () throws(InputError) in try InstanceXLSXReader.read(path: fixture("bad-date.xlsx")) }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.location == "sheet \"participants\", row 3, column \"available_from\"")
        #expect(found.first?.message.contains("31/02/2026") == true, "\(found)")
    }

    @Test func anErrorValueIsAnErrorNotAnEmptyCell() {
        let found = errors { () throws(InputError) in try InstanceXLSXReader.read(path: fixture("error-value.xlsx"))
        }
        #expect(
            found.contains {
                $0.location == "sheet \"participants\", row 2, column I" && $0.message.contains("#DIV/0!")
            }, "\(found)")
    }

    @Test func aMissingSheetIsNamedAndOtherSheetsAreSaidToBeSkipped() {
        let found = errors { () throws(InputError) in
            try InstanceXLSXReader.read(path: fixture("no-offers-sheet.xlsx"))
        }
        #expect(
            found.contains {
                $0.severity == .error && $0.message.contains("no sheet \"offers\"") && $0.message.contains("\"Hoja1\"")
            }, "\(found)")
        #expect(found.contains { $0.severity == .warning && $0.location == "sheet \"Hoja1\"" }, "\(found)")
    }

    @Test func whatIsNoWorkbookIsRefusedWithAHint() {
        let read = { (bytes: [UInt8]) in
            errors { () throws(InputError) in try InstanceXLSXReader.read(bytes: bytes, file: "x.xlsx", name: "x") }
        }
        let text = read(Array("id,country\n".utf8))
        #expect(text.first?.message.contains("not an .xlsx workbook") == true, "\(text)")
        let xls = read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 600))
        #expect(xls.first?.message.contains("Excel 97-2003 (.xls)") == true, "\(xls)")
    }

    /// A workbook cut short (a copy interrupted) and one with bytes changed
    /// inside: an error that says the workbook is damaged, never a crash.
    @Test func aDamagedWorkbookIsAnErrorNotACrash() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("example-xlsxwriter.xlsx"))))
        for cut in [bytes.count / 2, bytes.count - 30, 100] {
            let found = errors { () throws(InputError) in
                try InstanceXLSXReader.read(bytes: Array(bytes.prefix(cut)), file: "cut.xlsx", name: "cut")
            }
            #expect(!found.isEmpty && found.allSatisfy { $0.file == "cut.xlsx" }, "cut at \(cut): \(found)")
        }
        var flipped = bytes
        for i in stride(from: 200, to: flipped.count - 200, by: 97) { flipped[i] ^= 0x5A }
        let found = errors { () throws(InputError) in
            try InstanceXLSXReader.read(bytes: flipped, file: "flipped.xlsx", name: "flipped")
        }
        #expect(!found.isEmpty, "\(found)")
    }

    /// Forced text (`quotePrefix`) stays text in text and attribute cells and
    /// is read as its value in a number column (`'8` typed into weeks).
    @Test func forcedTextIsTextExceptInNumberColumns() throws {
        let sheet = XLSXSheet(
            name: "participants",
            rows: [
                ["id", "country", "sector", "available_from", "available_to", "weeks", "code"].map { .text($0) },
                [
                    .text("ES-1"), .text("ES"), .text("tourism"), .date(Day(iso: "2026-03-02")!),
                    .date(Day(iso: "2026-06-28")!), .text("4", forced: true), .text("true", forced: true),
                ],
            ])
        let bytes = try XLSXWriter.bytes([sheet] + Self.oneHostSheets)
        let (instance, _) = try InstanceXLSXReader.read(bytes: bytes, file: "forced.xlsx", name: "forced")
        #expect(instance.participants.first?.weeks == 4)
        #expect(instance.participants.first?.attribute("code") == .string("true"))
    }

    static let oneHostSheets = [
        XLSXSheet(name: "Hosts", rows: [[.text("id"), .text("country")], [.text("PT-H1"), .text("PT")]]),
        XLSXSheet(
            name: " OFFERS ",
            rows: [
                ["id", "host_id", "sectors", "from", "to", "capacity"].map { .text($0) },
                [
                    .text("PT-H1/o1"), .text("PT-H1"), .text("tourism"), .date(Day(iso: "2026-01-05")!),
                    .date(Day(iso: "2026-12-27")!), .number("1"),
                ],
            ]),
    ]
}
