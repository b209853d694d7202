import PlacementModel
import Testing

@Suite struct ExactDecimalTests {
    @Test func ceilingIsExact() throws {
        let r = try #require(ExactDecimal(literal: "0.14"))
        #expect(r.numerator == 7 && r.denominator == 50)
        #expect(r.ceilTimes(50) == 7)  // not 8, as 0.14 * 50 in binary floating point would suggest
        #expect(try #require(ExactDecimal(literal: "0.3")).ceilTimes(10) == 3)
        #expect(try #require(ExactDecimal(literal: "0.5")).ceilTimes(3) == 2)
    }

    @Test func literals() throws {
        #expect(ExactDecimal(literal: "2.5e-1") == ExactDecimal(numerator: 1, denominator: 4))
        #expect(ExactDecimal(literal: "1E2") == ExactDecimal(100))
        #expect(ExactDecimal(literal: "-0.5") == ExactDecimal(numerator: -1, denominator: 2))
        #expect(ExactDecimal(literal: "abc") == nil)
        #expect(ExactDecimal(literal: "1234567890123456789012") == nil)
    }

    @Test func decimalLiteralRoundTrips() throws {
        for text in ["0.14", "0", "1", "0.5", "-0.25", "0.001", "12.75", "3"] {
            let d = try #require(ExactDecimal(literal: text))
            #expect(d.decimalLiteral == text)
        }
        #expect(ExactDecimal(numerator: 1, denominator: 3).decimalLiteral == nil)
    }
}
