import AllVET
import Foundation
import Testing

/// The example round solved under its policy, in process, as result texts.
func solvedExample() throws -> (input: LoadedInput, files: ResultText) {
    let input = try InputLoader.load(
        instance: CLI.root.appendingPathComponent("instances/example.json").path,
        policy: CLI.root.appendingPathComponent("instances/example-policy.json").path)
    let result = try Engine().solve(input.instance, policy: input.policy, options: EngineOptions(timeLimit: 60))
    let files = ResultFiles(result: result, inputHash: input.hash)
    return (
        input,
        ResultText(
            assignments: files.assignments, unplaced: files.unplaced,
            summary: files.summary(timings: Timings()).rendered())
    )
}

/// Mutable copies of the three files.
struct ResultText {
    var assignments: String
    var unplaced: String
    var summary: String
    var asResults: ResultsText { ResultsText(assignments: assignments, unplaced: unplaced, summary: summary) }

    /// Replaces the assignments row of `participant` through `change` (cells by column).
    mutating func editRow(_ participant: String, _ change: (inout [String: String]) -> Void) {
        var lines = assignments.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let i = lines.firstIndex { $0.hasPrefix(participant + ",") }!
        var cells = Dictionary(
            uniqueKeysWithValues: zip(
                header, lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        change(&cells)
        lines[i] = header.map { cells[$0]! }.joined(separator: ",")
        assignments = lines.joined(separator: "\n") + "\n"
    }

    func row(_ participant: String) -> String {
        assignments.split(separator: "\n").first { $0.hasPrefix(participant + ",") }.map(String.init)!
    }
}

func shifted(_ iso: String, days: Int) -> String { Day(iso: iso)!.adding(days: days).iso }

@Suite(.serialized) struct VerifyTests {
    let verifier: ResultsVerifier
    let base: ResultText

    init() throws {
        let (input, files) = try solvedExample()
        verifier = ResultsVerifier(instance: input.instance, policy: input.policy)
        base = files
    }

    func rules(_ t: ResultText) -> [String] { verifier.verify(t.asResults).violations.map(\.rule) }

    @Test func theEnginesOwnResultsVerify() {
        let report = verifier.verify(base.asResults)
        #expect(report.holds, "\(report.text)")
        #expect(report.text == "verified: 10 stays, every rule holds")
    }

    @Test func aStayMovedToANonCandidateIsCaught() {
        var t = base
        // ES-002 is in food; DE-PADERBORN-CARE/assistant is for services.
        t.editRow("ES-002") {
            $0["offer_id"] = "DE-PADERBORN-CARE/assistant"; $0["host_id"] = "DE-PADERBORN-CARE"
        }
        let v = verifier.verify(t.asResults).violations
        #expect(
            v.contains {
                $0.rule == "candidate" && $0.message.contains("filter sector") && $0.location.contains("ES-002")
            })
    }

    @Test func aStartThatIsNotAMondayIsCaught() {
        var t = base
        t.editRow("ES-001") {
            $0["start"] = shifted($0["start"]!, days: 1); $0["end"] = shifted($0["end"]!, days: 1)
        }
        #expect(rules(t).contains("monday"))
    }

    @Test func anEndThatDoesNotMatchTheWeeksIsCaught() {
        var t = base
        t.editRow("ES-001") { $0["end"] = shifted($0["end"]!, days: -7) }
        #expect(rules(t) == ["end"])
    }

    @Test func aWrongRankIsCaught() {
        var t = base
        t.editRow("FI-001") { $0["rank"] = "1" }
        #expect(rules(t) == ["rank"])
    }

    @Test func aParticipantPlacedTwiceIsCaught() {
        var t = base
        t.assignments = t.assignments.replacingOccurrences(
            of: t.row("ES-001") + "\n", with: t.row("ES-001") + "\n" + t.row("ES-001") + "\n")
        let v = verifier.verify(t.asResults).violations
        #expect(v.contains { $0.rule == "one_stay" && $0.location.contains("ES-001") })
    }

    @Test func aBrokenHardQuotaIsCaught() {
        var t = base
        // PL-002 to DE-PADERBORN-METAL/shadowing, beside PL-001 at the same host: mixed-groups allows one per host and country.
        t.editRow("PL-002") {
            $0["offer_id"] = "DE-PADERBORN-METAL/shadowing"; $0["host_id"] = "DE-PADERBORN-METAL"
            $0["start"] = "2026-06-01"; $0["end"] = "2026-06-07"; $0["rank"] = "1"
        }
        let v = verifier.verify(t.asResults).violations
        #expect(
            v.contains {
                $0.rule == "quota" && $0.message.contains("max_count 1 (host=DE-PADERBORN-METAL, country=PL) is broken")
            })
        #expect(!v.contains { $0.file == "assignments.csv" && $0.rule != "quota" })
    }

    @Test func anAlteredPlacedFigureIsCaught() {
        var t = base
        t.summary = t.summary.replacingOccurrences(of: "\"placed\": 10,", with: "\"placed\": 9,")
        let v = verifier.verify(t.asResults).figures
        #expect(v.map(\.location) == ["$.placed"])
    }

    @Test func anAlteredLevelValueIsCaught() {
        var t = base
        t.summary = t.summary.replacingOccurrences(of: "\"value\": 12.5,", with: "\"value\": 12,")
        let v = verifier.verify(t.asResults).figures
        // The value is not the stays' figure, and no longer the bound of a level said to be proven optimal.
        #expect(v.map(\.location) == ["$.levels[0].value", "$.levels[0].bound"])
    }

    @Test func anAlteredQuotaSlackIsCaught() throws {
        var t = base
        let r = try #require(t.summary.range(of: #""slack": [-0-9.e]+"#, options: .regularExpression))
        t.summary.replaceSubrange(r, with: "\"slack\": 99")
        let v = verifier.verify(t.asResults).figures
        #expect(v.map(\.location) == ["$.quotas[0].slack"])
    }

    @Test func aParticipantMissingFromBothFilesIsCaught() {
        var t = base
        t.assignments = t.assignments.replacingOccurrences(of: t.row("DE-002") + "\n", with: "")
        let v = verifier.verify(t.asResults).violations
        #expect(v.contains { $0.rule == "accounted" && $0.location == "participant DE-002" })
    }

    // Capacities, totals and host capacities on a round made for them.
    static let tiny = Instance(
        name: "tiny",
        participants: ["a", "b", "c"].map {
            Participant(
                id: $0, country: "ES", sector: "food", availableFrom: Day(iso: "2026-03-02")!,
                availableTo: Day(iso: "2026-03-29")!, weeks: 1)
        },
        hosts: [
            Host(
                id: "H", country: "DE", capacity: 2,
                offers: [
                    Offer(
                        id: "H/o1", sectors: ["food"], from: Day(iso: "2026-03-02")!, to: Day(iso: "2026-03-29")!,
                        capacity: 1, total: 2),
                    Offer(
                        id: "H/o2", sectors: ["food"], from: Day(iso: "2026-03-02")!, to: Day(iso: "2026-03-29")!,
                        capacity: 2),
                ])
        ])

    func tinyRules(_ rows: [(String, String, String)]) -> [Violation] {
        let text =
            "participant_id,host_id,offer_id,start,end,weeks,rank\n"
            + rows.map { "\($0.0),H,\($0.1),\($0.2),\(shifted($0.2, days: 6)),1,1\n" }.joined()
        return ResultsVerifier(instance: Self.tiny, policy: .default).verify(
            ResultsText(assignments: text, unplaced: "participant_id,reason,detail\n", summary: nil)
        ).violations
    }

    @Test func anOfferCapacityExceededIsCaught() {
        let v = tinyRules([("a", "H/o1", "2026-03-02"), ("b", "H/o1", "2026-03-02")])
        #expect(
            v.contains {
                $0.rule == "capacity" && $0.location == "offer H/o1" && $0.message.contains("week of 2026-03-02")
            })
    }

    @Test func anOfferTotalExceededIsCaught() {
        let v = tinyRules([("a", "H/o1", "2026-03-02"), ("b", "H/o1", "2026-03-09"), ("c", "H/o1", "2026-03-16")])
        #expect(v.contains { $0.rule == "total" && $0.location == "offer H/o1" })
        #expect(!v.contains { $0.rule == "capacity" })
    }

    @Test func aHostCapacityExceededIsCaught() {
        let v = tinyRules([("a", "H/o2", "2026-03-02"), ("b", "H/o2", "2026-03-02"), ("c", "H/o1", "2026-03-02")])
        #expect(v.contains { $0.rule == "host_capacity" && $0.location == "host H" })
        #expect(!v.contains { $0.rule == "capacity" })
    }

    @Test func spreadsheetEscapedIDsAreUnescaped() {
        var inst = Self.tiny
        inst.participants[0].id = "=a"
        let text = "participant_id,host_id,offer_id,start,end,weeks,rank\n'=a,H,H/o1,2026-03-02,2026-03-08,1,1\n"
        let v = ResultsVerifier(instance: inst, policy: .default)
            .verify(
                ResultsText(
                    assignments: text, unplaced: "participant_id,reason,detail\nb,capacity,x\nc,capacity,x\n",
                    summary: nil)
            ).violations
        // No summary.json is no violation (results of another tool): the stays alone are judged.
        #expect(v.isEmpty, "\(v)")
    }

    @Test func verifyCommandPassesAndFails() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("r")
        let solve = try CLI.run([
            "solve", "instances/example.json", "--policy", "instances/example-policy.json", "--out", out.path,
            "--quiet",
        ])
        #expect(solve.status == 0, "\(solve.stderr)")
        let ok = try CLI.run([
            "verify", "instances/example.json", out.path, "--policy", "instances/example-policy.json",
        ])
        #expect(ok.status == 0)
        #expect(ok.stdout == "verified: 10 stays, every rule holds\n")
        // Without the policy the figures differ (no weights, no quotas): caught, as figures (the stays keep its rules).
        let wrongPolicy = try CLI.run(["verify", "instances/example.json", out.path])
        #expect(wrongPolicy.status == 5)
        #expect(wrongPolicy.stdout.contains("summary.json $.levels[0].value: [figure]"))
        // A mutated file.
        let summary = out.appendingPathComponent("summary.json")
        let text = try String(contentsOf: summary, encoding: .utf8).replacingOccurrences(
            of: "\"placed\": 10,", with: "\"placed\": 11,")
        try text.write(to: summary, atomically: true, encoding: .utf8)
        let bad = try CLI.run([
            "verify", "instances/example.json", out.path, "--policy", "instances/example-policy.json",
        ])
        #expect(bad.status == 5)
        #expect(
            bad.stdout.contains(
                "every rule holds for the 10 stays, but summary.json differs from them (1 figure):\n"
                    + "  summary.json $.placed: [figure] is 11; recomputed from the stays: 10"
            ))
    }
}
