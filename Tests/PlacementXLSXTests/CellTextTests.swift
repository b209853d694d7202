import PlacementModel
import Testing

@testable import PlacementXLSX

/// Date serials, date formats and cell references, as ECMA-376 and Excel
/// define them.
@Suite struct CellTextTests {
    @Test func serialsInThe1900SystemKeepLotussLeapDay() {
        let iso = { (serial: Int) in CellText.day(serial: serial, date1904: false)?.iso }
        #expect(iso(1) == "1900-01-01")
        #expect(iso(59) == "1900-02-28")
        #expect(iso(60) == nil)  // 1900-02-29 never was
        #expect(iso(61) == "1900-03-01")
        #expect(iso(46083) == "2026-03-02")
        #expect(iso(0) == nil)
        #expect(CellText.serial(of: Day(iso: "2026-03-02")!) == 46083)
    }

    @Test func serialsInThe1904System() {
        #expect(CellText.day(serial: 0, date1904: true)?.iso == "1904-01-01")
        #expect(CellText.day(serial: 44621, date1904: true)?.iso == "2026-03-02")
    }

    @Test func aDateWithATimeKeepsItsTimeSoTheDateColumnRefusesIt() {
        #expect(CellText.date("46083", date1904: false) == "2026-03-02")
        #expect(CellText.date("46083.5", date1904: false) == "2026-03-02 12:00")
        #expect(CellText.date("46083.99999999", date1904: false) == "2026-03-03")
    }

    @Test func dateFormatsAreToldFromNumberAndTimeFormats() {
        for code in ["dd/mm/yyyy", "DD.MM.YYYY", "d-mmm-yy", "[$-F800]dddd, mmmm dd, yyyy", "yyyy\\-mm\\-dd"] {
            #expect(CellText.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "h:mm", "[h]:mm:ss", "\"day\" 0", "#,##0 \"days\"", "@"] {
            #expect(!CellText.isDateFormat(code), "\(code)")
        }
        #expect(CellText.builtInDateFormats.contains(14) && !CellText.builtInDateFormats.contains(49))
    }

    @Test func wholeNumbersLoseTheirFraction() {
        #expect(CellText.number("8") == "8")
        #expect(CellText.number("8.0") == "8")
        #expect(CellText.number("2.5") == "2.5")
        #expect(CellText.number("1E-3") == "1E-3")
    }

    @Test func cellReferences() {
        #expect(CellText.column(ofReference: "A1") == 0)
        #expect(CellText.column(ofReference: "AB12") == 27)
        #expect(CellText.column(ofReference: "XFD1") == 16383)
        #expect(CellText.column(ofReference: "12") == nil)
        #expect(CellText.letters(ofColumn: 27) == "AB")
        #expect(CellText.letters(ofColumn: 16383) == "XFD")
    }

    @Test func escapesRoundTrip() {
        for s in ["plain", "a_x0041_b", "ctl\u{1}x", "_x", "x_x00_"] {
            #expect(CellText.unescapeOOXML(CellText.escapeOOXML(s)) == s, "\(s)")
        }
        #expect(CellText.unescapeOOXML("_x0041_") == "A")
    }
}
