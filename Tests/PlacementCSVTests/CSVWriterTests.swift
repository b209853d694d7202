import Testing
import PlacementModel
@testable import PlacementCSV

/// The one CSV writer that the instance folder and the results files share.
@Suite struct CSVWriterTests {
    @Test func quotesOnlyCellsWithCommaQuoteCROrLF() {
        #expect(
            CSVWriter.record(["plain", " spaced ", "semi;colon", "tab\tx", "'apos", "", "émoji😀"], ending: .lf)
                == "plain, spaced ,semi;colon,tab\tx,'apos,,émoji😀\n")
        #expect(
            CSVWriter.record(["a,b", "say \"hi\"", "one\ntwo", "cr\rx"], ending: .lf)
                == "\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"cr\rx\"\n")
    }

    /// Judged byte by byte, as the parser reads: CRLF inside a cell, or a
    /// comma or quote followed by a combining mark (one Character each),
    /// still needs the quotes.
    @Test func quotingLooksAtBytesNotCharacters() {
        #expect(CSVWriter.quotedIfNeeded("x\r\ny") == "\"x\r\ny\"")
        #expect(CSVWriter.quotedIfNeeded("a,\u{301}b") == "\"a,\u{301}b\"")
        #expect(CSVWriter.quotedIfNeeded("\"\u{301}q") == "\"\"\"\u{301}q\"")
        #expect(CSVWriter.quotedIfNeeded("e\u{301}") == "e\u{301}")
    }

    @Test func lineEndIsTheOnlyDifferenceBetweenFiles() {
        let cells = ["id", "x,y", ""]
        #expect(CSVWriter.record(cells, ending: .lf) == "id,\"x,y\",\n")
        #expect(CSVWriter.record(cells, ending: .crlf) == "id,\"x,y\",\r\n")
        #expect(CSVWriter.record([], ending: .crlf) == "\r\n")
    }

    @Test func textCellsUseTheApostropheSchemeBeforeQuoting() {
        #expect(CSVWriter.text("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.text("") == "'")
        #expect(CSVWriter.text("plain") == "plain")
        #expect(
            CSVWriter.record([CSVWriter.text("-1,5"), CSVWriter.text("'q\"")], ending: .lf) == "\"'-1,5\",\"''q\"\"\"\n"
        )
    }

    @Test func instanceFilesStartWithAByteOrderMarkAndEndRecordsWithCRLF() {
        var file = CSVFileText()
        file.row(["id", "name"])
        file.row(["a\nb", "c"])
        #expect(file.bytes == [0xEF, 0xBB, 0xBF] + Array("id,name\r\n\"a\nb\",c\r\n".utf8))
    }

    @Test func recordsParseBackToTheSameCells() {
        let cells = [
            "", "a", "a,b", "\"", "\"\"", "x\r\ny", "\r", "\n", ",\u{301}", "\"\u{301}", " lead", "trail ", "ü;ö", "\t",
        ]
        for ending in [CSVWriter.LineEnd.lf, .crlf] {
            let text = cells.map { CSVWriter.record([$0, "end"], ending: ending) }.joined()
            let parsed = CSVParser.parse(Array(("h,end" + (ending == .lf ? "\n" : "\r\n") + text).utf8))
            #expect(parsed.errors.isEmpty)
            #expect(parsed.records.dropFirst().map(\.cells) == cells.map { [$0, "end"] })
        }
    }
}
