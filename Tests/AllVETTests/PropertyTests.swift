import AllVET
import PlacementVerify
import PropertyBased
import RoundGenerator
import Testing

/// Property tests (x-sheep/swift-property-based) on random small rounds
/// (RoundGenerator, 4 to 20 participants, 2 to 6 hosts, any seed) under
/// random policies built from a few goals and quotas:
///
/// - the direct and the decomposed formulation reach the same status and
///   the same optimal value on every level, and the verifier accepts both
///   results (`early` too, held before other goals or last);
/// - a result with one thing changed is rejected by the verifier.
///
/// A failure prints the generated input and a `.fixedSeed(...)` trait that
/// replays it. The rounds are small so that the suite takes a few seconds;
/// a solve gets 10 s (GLPK needs that for the direct model with soft rules on
/// about 1 round in 200 at this size), and values are compared only when
/// both methods proved every level.
@Suite struct PropertyTests {
    /// (participants, hosts, seed, goals, quota mask): small integers, so a failure shrinks to a small round.
    static let rounds = zip(Gen.int(in: 4...20), Gen.int(in: 2...6), Gen.uint64())

    static let fo = Selector([("fewer_opportunities", .bool(true))])
    static let female = Selector([("gender", .string("F"))])
    static func d(_ s: String) -> ExactDecimal { ExactDecimal(literal: s)! }

    /// The objectives to draw from: each starts with `placed` (with or without weights).
    static let objectives: [[Goal]] = [
        [.placed(weights: []), .rank(cost: .linear)],
        [.placed(weights: []), .rank(cost: .squared)],
        [.placed(weights: [PlacedWeight(who: fo, weight: 2)]), .worstRank, .rank(cost: .linear)],
        [.placed(weights: []), .worstRank],
        [.placed(weights: [PlacedWeight(who: female, weight: 1.5)])],
        [.placed(weights: []), .rank(cost: .linear), .early],
        [.placed(weights: []), .early, .rank(cost: .squared)],
    ]

    /// The quotas to draw from (a bit of the mask each): hard and soft, in
    /// participant-side and placement-side scopes.
    static let quotas: [Quota] = [
        Quota(name: "fo", who: fo, bounds: [.minShare(d("0.2"))], soft: 3),
        Quota(name: "mixed", within: [.host, .field(.country)], bounds: [.maxCount(1)]),
        Quota(
            name: "gender", who: female, within: [.hostCountry], bounds: [.minShare(d("0.4")), .maxShare(d("0.6"))],
            soft: 2),
        Quota(name: "fair", within: [.field(.country)], bounds: [.minRate(d("0.5"))], soft: 1),
        Quota(name: "parity", who: fo, bounds: [.minParity(d("0.5"))]),
        Quota(name: "staff", who: Selector([("kind", .string("staff"))]), bounds: [.maxCount(1)]),
        Quota(name: "women", who: female, bounds: [.minCount(2)]),
    ]

    static func policy(objective: Int, quotaMask: Int) -> Policy {
        Policy(
            objective: objectives[objective],
            quotas: quotas.indices.filter { quotaMask & (1 << $0) != 0 }.map { quotas[$0] })
    }

    static func solve(_ instance: Instance, _ policy: Policy, _ method: EngineOptions.Method) throws -> RoundResult {
        var options = EngineOptions(timeLimit: 10)
        options.method = method
        options.explainInfeasible = false
        return try Engine().solve(instance, policy: policy, options: options)
    }

    /// The three files of a result, as `allvet solve` writes them.
    static func files(_ result: RoundResult) -> ResultsText {
        let files = ResultFiles(result: result, inputHash: "property")
        return ResultsText(
            assignments: files.assignments, unplaced: files.unplaced,
            summary: files.summary(timings: Timings()).rendered())
    }

    static func verify(_ result: RoundResult, _ text: ResultsText) -> VerificationReport {
        ResultsVerifier(instance: result.instance, policy: result.policy).verify(text)
    }

    @Test func bothFormulationsReachTheSameOptimaAndVerify() async throws {
        await propertyCheck(
            count: 40, input: Self.rounds, Gen.int(in: 0...(Self.objectives.count - 1)), Gen.int(in: 0...127)
        ) { round, objective, mask in
            let instance = RoundGenerator(participants: round.0, hosts: round.1, seed: round.2).generate()
            let policy = Self.policy(objective: objective, quotaMask: mask)
            let label = "\(instance.name) objective \(objective) quotas \(mask)"
            let direct = try Self.solve(instance, policy, .direct)
            let directReport = Self.verify(direct, Self.files(direct))
            #expect(directReport.holds, "\(label): direct: \(directReport.text)")
            let decomposed = try Self.solve(instance, policy, .decomposed)
            // `feasible` means the 10 s ran out (the direct model with `early` or soft rules, now
            // and then); any other pair of statuses must agree.
            if direct.status != .feasible && decomposed.status != .feasible {
                #expect(
                    direct.status == decomposed.status,
                    "\(label): direct \(direct.status), decomposed \(decomposed.status)")
            }
            let decomposedReport = Self.verify(decomposed, Self.files(decomposed))
            #expect(decomposedReport.holds, "\(label): decomposed: \(decomposedReport.text)")
            guard direct.status == .optimal, decomposed.status == .optimal else { return }
            let a = RoundFigures(
                instance: instance, policy: policy, candidates: direct.candidates, chosen: direct.chosen
            ).levelValues
            let b = RoundFigures(
                instance: instance, policy: policy, candidates: decomposed.candidates, chosen: decomposed.chosen
            ).levelValues
            #expect(a.count == policy.objective.count && b.count == a.count, "\(label): \(a) \(b)")
            for (x, y) in zip(a, b) {
                #expect(abs(x - y) <= 1e-6 * max(1, abs(x)), "\(label): direct \(a), decomposed \(b)")
            }
        }
    }

    @Test func changedResultsAreRejected() async throws {
        await propertyCheck(
            count: 40, input: Self.rounds, Gen.int(in: 0...4), Gen.int(in: 0...127), Gen.int(in: 0...1000)
        ) { round, objective, mask, pick in
            let instance = RoundGenerator(participants: round.0, hosts: round.1, seed: round.2).generate()
            let result = try Self.solve(instance, Self.policy(objective: objective, quotaMask: mask), .automatic)
            let text = Self.files(result)
            let label = "\(instance.name) objective \(objective) quotas \(mask) pick \(pick)"
            #expect(
                Self.verify(result, text).holds, "\(label): the unchanged result: \(Self.verify(result, text).text)")
            var stays = Mutation.rows(text.assignments ?? "")

            // A figure of summary.json, one more than it is.
            var figure = text
            figure.summary = Mutation.changeFigure(text.summary ?? "", pick % 3)
            #expect(figure.summary != text.summary, "\(label): no figure changed")
            #expect(!Self.verify(result, figure).holds, "\(label): a changed figure was accepted")

            guard !stays.isEmpty else { return }
            // A placed participant's row left out, the summary kept.
            var dropped = text
            let gone = stays.remove(at: pick % stays.count)
            dropped.assignments = Mutation.text(header: text.assignments!, stays)
            let droppedReport = Self.verify(result, dropped)
            #expect(
                droppedReport.violations.contains { $0.rule == "accounted" },
                "\(label): without \(gone[0]): \(droppedReport.text)")
            stays.insert(gone, at: pick % (stays.count + 1))

            // A stay moved to another offer's stay, to a full one when there is one.
            guard let (moved, full) = Mutation.moveToFullOffer(stays, instance: instance, pick: pick) else { return }
            var crowded = text
            crowded.assignments = Mutation.text(header: text.assignments!, moved)
            let crowdedReport = Self.verify(result, crowded)
            #expect(!crowdedReport.holds, "\(label): a moved stay was accepted")
            if full {
                #expect(crowdedReport.violations.contains { $0.rule == "capacity" }, "\(label): \(crowdedReport.text)")
            }
        }
    }
}

/// Changes to the text of a result.
enum Mutation {
    /// The stays of assignments.csv as cells (the generated ids need no quoting).
    static func rows(_ text: String) -> [[String]] {
        Array(CSVRecords.parse(Array(text.utf8)).records.dropFirst().map(\.cells))
    }

    static func text(header: String, _ rows: [[String]]) -> String {
        let first = header.prefix { $0 != "\n" && $0 != "\r\n" }
        return ([String(first)] + rows.map { $0.joined(separator: ",") }).map { $0 + "\n" }.joined()
    }

    /// One more on the first level's value, on `placed` or on `participants`
    /// (`which`; the next one when that figure is null, as an infeasible
    /// round's level values are).
    static func changeFigure(_ summary: String, _ which: Int) -> String {
        let keys = ["\"value\": ", "\n  \"placed\": ", "\n  \"participants\": "]
        for key in keys[which...] {
            guard let at = summary.range(of: key) else { continue }
            let digits = summary[at.upperBound...].prefix { "0123456789.-".contains($0) }
            guard let n = Double(digits) else { continue }
            let end = summary.index(at.upperBound, offsetBy: digits.count)
            return String(summary[..<at.upperBound]) + NumberText.shortest(n + 1) + String(summary[end...])
        }
        return summary
    }

    /// Moves one stay (participant_id, host_id, offer_id, start, end, weeks,
    /// rank) to the offer and start of another participant's stay at a
    /// different offer; prefers an offer already at capacity in that week
    /// (then `full` is true). Nil when every stay is at the same offer.
    static func moveToFullOffer(_ stays: [[String]], instance: Instance, pick: Int) -> (rows: [[String]], full: Bool)? {
        var capacity: [String: Int] = [:]
        for h in instance.hosts { for o in h.offers { capacity[o.id] = o.capacity } }
        func present(_ offer: String, _ day: Day) -> Int {
            stays.filter { s in
                guard s[2] == offer, let start = Day(iso: s[3]), let weeks = Int(s[5]) else { return false }
                return start <= day && day.ordinal < start.ordinal + 7 * weeks
            }.count
        }
        var pairs: [(from: Int, to: Int, full: Bool)] = []
        for (j, target) in stays.enumerated() {
            guard let start = Day(iso: target[3]) else { continue }
            let full = present(target[2], start) >= capacity[target[2]] ?? 0
            for (i, s) in stays.enumerated() where s[2] != target[2] { pairs.append((i, j, full)) }
        }
        guard !pairs.isEmpty else { return nil }
        let fullPairs = pairs.filter(\.full)
        let (i, j, full) = fullPairs.isEmpty ? pairs[pick % pairs.count] : fullPairs[pick % fullPairs.count]
        var out = stays
        let start = Day(iso: stays[j][3])!
        out[i][1] = stays[j][1]
        out[i][2] = stays[j][2]
        out[i][3] = stays[j][3]
        out[i][4] = start.adding(days: 7 * (Int(stays[i][5]) ?? 1) - 1).iso
        return (out, full)
    }
}
