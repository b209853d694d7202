import PlacementModel
import Testing

/// model.md, ruling 10: who matches by typed equality; a participant
/// without the value never matches. One rule, which the policy reader's
/// "selects nobody" warning uses too.
@Suite struct SelectionTests {
    static let instance = """
        {
          "format": "allvet-instance/1",
          "participants": [
            { "id": "P1", "country": "ES", "sector": "tourism", "languages": {}, "available_from": "2026-03-02",
              "available_to": "2026-06-28", "weeks": 4, "attributes": { "flag": 1, "gender": "F", "ok": true } },
            { "id": "P2", "kind": "staff", "country": "PT", "sending_org": "ORG", "sector": "food", "languages": {},
              "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 2, "attributes": { "ok": false } }
          ],
          "hosts": []
        }
        """

    func read() throws -> Instance { try InstanceJSONReader.read(data: Array(Self.instance.utf8), file: "s.json").0 }

    @Test func typedEqualityAndMissingValues() throws {
        let ps = try read().participants
        func who(_ c: [(key: String, value: AttributeValue)]) -> [Bool] { ps.map(Selector(c).matches) }
        #expect(who([]) == [true, true])
        #expect(who([("flag", .number(1))]) == [true, false])
        #expect(who([("flag", .bool(true))]) == [false, false])
        #expect(who([("flag", .string("1"))]) == [false, false])
        #expect(who([("gender", .string("f"))]) == [false, false])
        #expect(who([("ok", .bool(false))]) == [false, true])
        #expect(who([("weeks", .number(4))]) == [true, false])
        #expect(who([("weeks", .string("4"))]) == [false, false])
        #expect(who([("kind", .string("staff"))]) == [false, true])
        #expect(who([("sending_org", .string("ORG"))]) == [false, true])
        #expect(
            who([("id", .string("P1")), ("country", .string("ES")), ("sector", .string("tourism"))]) == [true, false])
        #expect(who([("id", .string("P1")), ("country", .string("PT"))]) == [false, false])
    }

    /// The reader warns exactly when the same rule selects nobody.
    @Test func readerWarnsWhenTheRuleSelectsNobody() throws {
        let instance = try read()
        let cases: [(who: String, warns: Bool)] = [
            (#"{"flag": 1}"#, false), (#"{"flag": true}"#, true), (#"{"gender": "f"}"#, true),
            (#"{"sending_org": "ORG"}"#, false), (#"{"sending_org": "ORG", "weeks": 4}"#, true),
            (#"{"weeks": 4.0}"#, false),
        ]
        for c in cases {
            let policy =
                #"{"format": "allvet-policy/1", "quotas": [{"name": "q", "who": "# + c.who + #", "max_count": 1}]}"#
            let (_, warnings) = try PolicyJSONReader.read(data: Array(policy.utf8), file: "p.json", instance: instance)
            #expect(warnings.contains { $0.message.contains("who selects no participant") } == c.warns, "\(c.who)")
        }
    }
}
