import PlacementModel
import Testing

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found to crash or hang a
/// reader, each reproduced first: every one must be an input error with a
/// message, never a trap or an endless loop.
@Suite struct FuzzFindingsTests {
    /// One participant whose `weeks` is written as `literal`.
    static func round(weeks literal: String) -> [UInt8] {
        Array("""
            {"format": "allvet-instance/1", "participants": [
              {"id": "P1", "country": "ES", "sector": "food", "languages": {}, "available_from": "2026-03-02",
               "available_to": "2026-06-28", "weeks": \(literal)}],
             "hosts": [{"id": "H1", "country": "DE", "offers": [
              {"id": "H1/o", "sectors": ["food"], "from": "2026-03-02", "to": "2026-06-28", "capacity": 1}]}]}
            """.utf8)
    }

    static func messages(_ literal: String) -> [String]? {
        do {
            _ = try InstanceJSONReader.read(data: round(weeks: literal), file: "round.json")
            return nil
        } catch {
            return error.diagnostics.map { "\($0.location): \($0.message)" }
        }
    }

    /// `fraction - exponent` overflowed for an exponent of Int.min (a trap).
    @Test func anExponentBeyondAnIntIsOutOfRange() {
        #expect(ExactDecimal(literal: "1e-9223372036854775808") == nil)
        #expect(ExactDecimal(literal: "1e9223372036854775807") == nil)
        #expect(Self.messages("1e-9223372036854775808") == ["$.participants[0].weeks: the number 1e-9223372036854775808 is out of range"])
    }

    /// Zero times ten never overflows, so `0e9223372036854775807` multiplied
    /// for 9.2·10^18 rounds (the reader hung). Zero is zero at any exponent.
    @Test func zeroWithAHugeExponentIsZero() {
        #expect(ExactDecimal(literal: "0e9223372036854775807") == ExactDecimal(0))
        #expect(ExactDecimal(literal: "-0.0e99") == ExactDecimal(0))
        #expect(Self.messages("0e9223372036854775807") == ["$.participants[0].weeks: weeks must be at least 1, found 0"])
    }
}
