import PlacementModel
import Testing

@Suite struct ExampleFilesTests {
    @Test func exampleInstanceReads() throws {
        let (instance, warnings) = try InstanceJSONReader.read(path: TestFiles.exampleInstance)
        // PT-001 prefers "PL-LUBLIN-RAIL", which is not in the example (ruling 9: a warning).
        #expect(warnings.map(\.location) == ["$.participants[2].preferences"], "\(warnings)")
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.message.contains("PL-LUBLIN-RAIL") })
        #expect(instance.name == "alliance-example")
        #expect(instance.participants.count == 10)
        #expect(instance.hosts.count == 8)
        #expect(instance.offers.count == 9)
        let es1 = instance.participants[0]
        #expect(es1.id == "ES-001" && es1.kind == .apprentice && es1.country == "ES")
        #expect(es1.languages == ["es": .native, "en": .b1])
        #expect(es1.availableFrom.iso == "2026-03-02" && es1.availableTo.iso == "2026-06-28")
        #expect(es1.weeks == 4 && es1.birthDate?.iso == "2006-05-17")
        #expect(es1.attribute("fewer_opportunities") == .bool(true) && es1.attribute("gender") == .string("F"))
        #expect(es1.preferences == ["PT-LISBOA-HOTEL", "FI-SAVONLINNA-SPA"])
        #expect(instance.participants[7].kind == .staff)
        #expect(instance.participants[3].needs == ["wheelchair"])
        let metal = instance.hosts[4]
        #expect(metal.id == "DE-PADERBORN-METAL" && metal.capacity == 2 && metal.offers.count == 2)
        #expect(metal.offers[0].kinds == [.apprentice] && metal.offers[1].kinds == [.staff])
        let hotel = instance.hosts[0].offers[0]
        #expect(hotel.minWeeks == 2 && hotel.maxWeeks == 8 && hotel.capacity == 1 && hotel.total == nil)
        #expect(instance.hosts[1].offers[0].total == 2)
        #expect(instance.hosts[3].offers[0].minAge == 18)
        #expect(instance.weekZero?.iso == "2026-01-05")
    }

    @Test func examplePolicyReads() throws {
        let (instance, _) = try InstanceJSONReader.read(path: TestFiles.exampleInstance)
        let (policy, warnings) = try PolicyJSONReader.read(path: TestFiles.examplePolicy, instance: instance)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(policy.requireAbroad && !policy.onlyListed)
        #expect(
            policy.objective == [
                .placed(weights: [PlacedWeight(who: Selector([("fewer_opportunities", .bool(true))]), weight: 1.5)]),
                .rank(cost: .linear),
            ])
        #expect(
            policy.quotas.map(\.name) == [
                "fewer-opportunities", "gender-balance", "partner-fair-share", "mixed-groups",
            ])
        #expect(policy.quotas[0].bounds == [.minShare(ExactDecimal(numerator: 2, denominator: 5))])
        #expect(policy.quotas[1].bounds.count == 2 && policy.quotas[1].soft == 2)
        #expect(
            policy.quotas[2].within == [.field(.country)]
                && policy.quotas[2].bounds == [.minRate(ExactDecimal(numerator: 1, denominator: 2))])
        #expect(policy.quotas[3].within == [.host, .field(.country)] && policy.quotas[3].bounds == [.maxCount(1)])
        #expect(policy.limits == Limits(timeSeconds: 60, mipGap: 0))
    }

    @Test func emptyPolicyGivesTheDefaults() throws {
        let (instance, _) = try InstanceJSONReader.read(path: TestFiles.exampleInstance)
        let (policy, _) = try PolicyJSONReader.read(
            data: TestFiles.bytes(#"{"format": "allvet-policy/1"}"#), file: "p.json", instance: instance)
        #expect(policy == Policy.default)
    }

    @Test func instanceRoundTripsThroughTheWriter() throws {
        let (instance, _) = try InstanceJSONReader.read(path: TestFiles.exampleInstance)
        let text = InstanceJSONWriter.write(instance)
        let (again, _) = try InstanceJSONReader.read(data: TestFiles.bytes(text), file: "written.json")
        #expect(again == instance)
        #expect(InstanceJSONWriter.write(again) == text)
    }

    @Test func unusualValuesRoundTrip() throws {
        let d = Day(iso: "2026-03-02")!
        let instance = Instance(
            name: "odd \"names\"\n",
            participants: [
                Participant(
                    id: "P\\1", kind: .staff, country: "ES", sector: "x", languages: [:], availableFrom: d,
                    availableTo: d.adding(days: 100), weeks: 2,
                    attributes: [
                        ("score", .number(0.1)), ("big", .number(1e20)), ("n", .number(-3)), ("ok", .bool(false)),
                    ])
            ],
            hosts: [
                Host(
                    id: "H", country: "DE", capacity: 0,
                    offers: [
                        Offer(id: "O", sectors: [], from: d, to: d.adding(days: 60), capacity: 1, kinds: [])
                    ])
            ])
        let text = InstanceJSONWriter.write(instance)
        let (again, _) = try InstanceJSONReader.read(data: TestFiles.bytes(text), file: "written.json")
        #expect(again == instance)
    }

    @Test func policyRoundTripsThroughTheWriter() throws {
        let (instance, _) = try InstanceJSONReader.read(path: TestFiles.exampleInstance)
        let (policy, _) = try PolicyJSONReader.read(path: TestFiles.examplePolicy, instance: instance)
        let text = PolicyJSONWriter.write(policy)
        #expect(text.contains("\"min_share\": 0.4"))
        let (again, _) = try PolicyJSONReader.read(
            data: TestFiles.bytes(text), file: "written.json", instance: instance)
        #expect(again == policy)
        #expect(PolicyJSONWriter.write(again) == text)
        let other = Policy(
            requireAbroad: false, onlyListed: true, objective: [.worstRank, .early, .rank(cost: .squared)],
            quotas: [
                Quota(
                    name: "q", who: Selector([("weeks", .number(4)), ("kind", .string("staff"))]),
                    within: [.attribute("gender"), .hostCountry, .offer],
                    bounds: [.minCount(1), .maxShare(ExactDecimal(literal: "0.125")!)], soft: 0.5)
            ])
        let (back, _) = try PolicyJSONReader.read(
            data: TestFiles.bytes(PolicyJSONWriter.write(other)), file: "w.json", instance: instance)
        #expect(back == other)
    }

    @Test func missingFileIsAnInputErrorNamingIt() {
        do {
            _ = try InstanceJSONReader.read(path: "/nonexistent/instance.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("/nonexistent/instance.json"))
            #expect(error.description.contains("cannot open the file"))
        }
    }
}
