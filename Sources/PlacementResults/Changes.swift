import PlacementCSV
import PlacementFormulation
import PlacementModel

/// What changed for each participant since the previous round (`solve
/// --previous`): the rows of `changes.csv` and the counts of `summary.json`
/// `changes` (rounds.md, section 3).
public struct RoundChanges: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Another offer.
        case moved
        /// The same offer, another start.
        case dates
        /// Had a stay, has none.
        case unplaced
        /// Had none, has one.
        case new
        /// In the previous results, not in the round.
        case left
    }

    public struct Row: Sendable {
        public var participant: String
        public var kind: Kind
        public var before: (offer: String, start: Day)?
        public var after: (offer: String, start: Day)?
        /// Why, where the engine can tell (`host withdrawn`, `no longer a candidate: dates`, …).
        public var detail: String
    }

    /// Sorted by participant id (code-point order).
    public let rows: [Row]
    /// The `changes` goal's mode (the policy's first `changes` goal; `stay` without one).
    public let keep: KeepMode
    /// The goal's value: counted previous stays not kept under ``keep``.
    public let value: Int
    /// The previous stays that count (of participants still in the round).
    public let counted: Int

    /// The changes of `chosen` (indices into `candidates.stays`) against
    /// `instance.previous`; nil when the round is not re-planned (no
    /// previous stays and no `changes` goal).
    public init?(instance: Instance, policy: Policy, candidates c: CandidateSet, chosen: [Int]) {
        guard !instance.previous.isEmpty || policy.hasChanges else { return nil }
        var keep = KeepMode.stay
        for g in policy.objective { if case .changes(let k) = g { keep = k; break } }
        let now = RoundFigures.now(chosen.map { c.stays[$0] }, instance, c)
        let counted = instance.countedPrevious
        var participantIndex: [String: Int] = [:]
        for (i, p) in instance.participants.enumerated() where participantIndex[p.id] == nil {
            participantIndex[p.id] = i
        }
        var rows: [Row] = []
        var seen = Set<String>()
        for before in instance.previous where seen.insert(before.participant).inserted {
            guard counted[before.participant] != nil else {
                rows.append(
                    Row(
                        participant: before.participant, kind: .left, before: (before.offer, before.start), after: nil,
                        detail: "not in the round"))
                continue
            }
            let after = now[before.participant]
            let kind: Kind
            if let after {
                if after.offer != before.offer {
                    kind = .moved
                } else if after.start != before.start {
                    kind = .dates
                } else {
                    continue
                }
            } else {
                kind = .unplaced
            }
            rows.append(
                Row(
                    participant: before.participant, kind: kind, before: (before.offer, before.start),
                    after: after.map { ($0.offer, $0.start) },
                    detail: Self.why(
                        before, participant: participantIndex[before.participant], instance: instance, policy: policy,
                        candidates: c)))
        }
        for (id, after) in now where !seen.contains(id) {
            rows.append(Row(participant: id, kind: .new, before: nil, after: (after.offer, after.start), detail: ""))
        }
        self.rows = rows.sorted { $0.participant.utf8.lexicographicallyPrecedes($1.participant.utf8) }
        self.keep = keep
        self.counted = counted.count
        self.value = instance.changes(keep: keep, now: now)
    }

    /// Rows per kind.
    public func count(_ kind: Kind) -> Int { rows.filter { $0.kind == kind }.count }

    /// Why a previous stay was not kept, where the round itself says so.
    /// `participant` is the index of `before`'s participant in the round.
    static func why(
        _ before: PreviousStay, participant: Int?, instance: Instance, policy: Policy, candidates c: CandidateSet
    ) -> String {
        let hostGone = !before.host.isEmpty && !instance.hosts.contains { $0.id == before.host }
        guard let oi = c.offers.firstIndex(where: { $0.offer.id == before.offer }) else {
            return hostGone ? "host withdrawn" : "offer withdrawn"
        }
        if let lock = instance.locks.first(where: { $0.participant == before.participant }) {
            let host = instance.hosts[c.offers[oi].host.rawValue].id
            if !lock.admits(offer: before.offer, host: host, monday: before.start) {
                return "locked to \(lock.target)" + (lock.start.map { " from \($0.iso)" } ?? "")
            }
        }
        guard let participant else { return "" }
        switch CandidateSet.outcomes(of: ParticipantIndex(participant), instance: instance, policy: policy)[oi] {
        case .removed(let f): return "no longer a candidate: \(f)"
        case .starts(let first, let last):
            let w = c.week(of: before.start)
            if w < first || w > last { return "the previous start is no longer a candidate" }
            return ""
        }
    }
}

extension RoundChanges {
    /// `changes.csv`: `participant_id, change, before_offer_id, before_start,
    /// after_offer_id, after_start, detail`, one row a participant whose stay
    /// differs from the previous one.
    public var csv: String {
        CSVWriter.record(
            ["participant_id", "change", "before_offer_id", "before_start", "after_offer_id", "after_start", "detail"],
            ending: .lf)
            + rows.map { r in
                CSVWriter.record(
                    [
                        CSVWriter.text(r.participant), r.kind.rawValue, r.before.map { CSVWriter.text($0.offer) } ?? "",
                        r.before?.start.iso ?? "", r.after.map { CSVWriter.text($0.offer) } ?? "",
                        r.after?.start.iso ?? "", r.detail.isEmpty ? "" : CSVWriter.text(r.detail),
                    ], ending: .lf)
            }.joined()
    }

    /// `summary.json` `changes`: the goal's value and mode, and the rows per kind.
    var summary: JSONOutput {
        .object(
            [("value", .int(value)), ("keep", .string(keep.rawValue))]
                + Kind.allCases.map { ($0.rawValue, JSONOutput.int(count($0))) })
    }
}
