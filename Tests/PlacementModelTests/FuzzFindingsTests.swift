import Foundation
import PlacementModel
import Testing

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found to crash or hang a
/// reader, each reproduced first: every one must be an input error with a
/// message, never a trap or an endless loop.
@Suite struct FuzzFindingsTests {
    /// One participant whose `weeks` is written as `literal`.
    static func round(weeks literal: String) -> [UInt8] {
        Array(
            """
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

    /// An offer's language key `"\t"` was read as the code `""`, which the
    /// writer wrote and the reader then refused (the round trip broke).
    @Test func aLanguageCodeOfSpacesAloneIsRefused() {
        let text = String(decoding: Self.round(weeks: "4"), as: UTF8.self)
            .replacingOccurrences(of: "\"capacity\": 1}", with: "\"capacity\": 1, \"languages\": {\"\\t\": \"A2\"}}")
        do {
            _ = try InstanceJSONReader.read(data: Array(text.utf8), file: "round.json")
            Issue.record("read without an error")
        } catch {
            #expect(
                error.diagnostics.map(\.message).contains("a language code must not be empty"),
                "\(error.diagnostics.map(\.message))")
        }
    }

    /// `fraction - exponent` overflowed for an exponent of Int.min (a trap).
    @Test func anExponentBeyondAnIntIsOutOfRange() {
        #expect(ExactDecimal(literal: "1e-9223372036854775808") == nil)
        #expect(ExactDecimal(literal: "1e9223372036854775807") == nil)
        #expect(
            Self.messages("1e-9223372036854775808") == [
                "$.participants[0].weeks: the number 1e-9223372036854775808 is out of range"
            ])
    }

    /// Zero times ten never overflows, so `0e9223372036854775807` multiplied
    /// for 9.2·10^18 rounds (the reader hung). Zero is zero at any exponent.
    @Test func zeroWithAHugeExponentIsZero() {
        #expect(ExactDecimal(literal: "0e9223372036854775807") == ExactDecimal(0))
        #expect(ExactDecimal(literal: "-0.0e99") == ExactDecimal(0))
        #expect(
            Self.messages("0e9223372036854775807") == ["$.participants[0].weeks: weeks must be at least 1, found 0"])
    }

    /// `9e18` read as 9·10^18 (one significant digit), which the writers
    /// print as 9000000000000000000, 19 digits, which the reader refuses: a
    /// policy with `"max_count": 9e18` (found by the policy fuzz target) or
    /// an instance with such a capacity read but did not read back. A number
    /// of 10^18 or more is out of range however it is written.
    @Test func aNumberOfNineteenDigitsIsOutOfRangeHoweverWritten() throws {
        #expect(ExactDecimal(literal: "9e18") == nil)
        #expect(ExactDecimal(literal: "1e18") == nil)
        #expect(ExactDecimal(literal: "9.99999999999999999e17") == ExactDecimal(999_999_999_999_999_999))
        #expect(Self.messages("9e18") == ["$.participants[0].weeks: the number 9e18 is out of range"])
        let example = try InstanceJSONReader.read(path: TestFiles.exampleInstance).0
        let policy = Array(#"{"format": "allvet-policy/1", "quotas": [{"name": "q", "max_count": 9e18}]}"#.utf8)
        #expect(throws: InputError.self) {
            try PolicyJSONReader.read(data: policy, file: "policy.json", instance: example)
        }
    }

    /// `7 * weeks` overflowed in the "does a stay fit" check for weeks above
    /// Int.max / 7 (9223372036854775807 in a CSV file), and in the
    /// candidates, the verifier and the reasons after it. No stay that long
    /// fits the dates allvet reads (years 0000 to 9999: 521,775 weeks), so
    /// more weeks than that is an input error.
    @Test(arguments: ["999999999999999999", "521776"])
    func moreWeeksThanTheCalendarHoldsIsAnInputError(_ literal: String) throws {
        let messages = try #require(Self.messages(literal))
        #expect(
            messages.count == 1 && messages[0].hasPrefix("$.participants[0].weeks: weeks must be at most 521775"),
            "\(messages)")
    }

    /// Up to the calendar's length, a stay too long for its window is still
    /// only a warning: the participant cannot be placed.
    @Test func aLongStayWithinTheCalendarIsAWarning() throws {
        let (instance, warnings) = try InstanceJSONReader.read(data: Self.round(weeks: "521775"), file: "round.json")
        #expect(instance.participants.first?.weeks == 521775)
        #expect(warnings.map(\.location) == ["$.participants[0].weeks"])
    }
}
