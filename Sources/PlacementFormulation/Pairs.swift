import PlacementModel

/// The compatible (participant, offer) pairs of a candidate set, each with
/// its range of start weeks. Objective levels (but `early`) and quotas depend
/// only on the pair a participant gets; only capacity and `early` depend on
/// the week (`early` through ``PairMaster/earlyTerms()``).
///
/// In a re-planned round a participant's pair at the offer of its previous
/// stay is split at the previous start (up to three pairs: before, at and
/// after it), so that every stay of a pair keeps the previous stay alike
/// and the `changes` goal with `keep: stay` is a cost per pair, exact in
/// the master. The split pairs share the one-stay row like any two pairs.
///
/// A pair's start weeks are consecutive: where a participant's stays at an
/// offer skip a week, the pair is split there too. Groups make such gaps
/// (a member keeps only the weeks its group shares, which in a city of
/// several hosts need not be one run of weeks).
public struct PairSet: Sendable {
    public struct Pair: Sendable {
        public var participant: Int
        public var offer: Int
        /// First and last candidate start week.
        public var first: Int
        public var last: Int
        /// Weeks of the stay.
        public var weeks: Int
        public var rank: Int
        /// How the pair's stays compare with the participant's previous stay.
        public var match: PreviousMatch
        /// Index in `CandidateSet.stays` of the stay starting at `first`.
        public var firstStay: Int
        /// The cost of each of the pair's stays in cents (0 without funding):
        /// a cost depends on the participant and host only.
        public var cost: Cents

        /// The weeks any of the pair's stays can occupy.
        public var span: ClosedRange<Int> { first...(last + weeks - 1) }

        /// The fewest weeks of `a…b` any stay of the pair occupies: the
        /// overlap is unimodal in the start, so its minimum is at an end.
        public func minOverlap(_ a: Int, _ b: Int) -> Int {
            min(overlap(start: first, a, b), overlap(start: last, a, b))
        }

        /// The weeks of `a…b` the stay starting on week `s` occupies.
        public func overlap(start s: Int, _ a: Int, _ b: Int) -> Int {
            max(0, min(b, s + weeks - 1) - max(a, s) + 1)
        }
    }

    public let pairs: [Pair]
    /// `pairs[pairStart[p] ..< pairStart[p + 1]]` are participant `p`'s.
    public let pairStart: [Int]
    /// Whether the round has a funding file (pairs have costs).
    public let hasCosts: Bool

    public init(candidates c: CandidateSet) {
        var pairs: [Pair] = []
        var starts: [Int] = [0]
        for p in 0..<c.participantCount {
            let r = c.stayRange(of: ParticipantIndex(p))
            var k = r.lowerBound
            while k < r.upperBound {
                let o = c.stays[k].offer
                let match = c.previousMatch.isEmpty ? .none : c.previousMatch[k]
                var e = k
                while e + 1 < r.upperBound && c.stays[e + 1].offer == o
                    && c.stays[e + 1].start == c.stays[e].start + 1
                    && (c.previousMatch.isEmpty || c.previousMatch[e + 1] == match)
                {
                    e += 1
                }
                pairs.append(
                    Pair(
                        participant: p, offer: o.rawValue, first: c.stays[k].start, last: c.stays[e].start,
                        weeks: c.weeks[p], rank: c.ranks[k], match: match, firstStay: k,
                        cost: c.spend(k)))
                k = e + 1
            }
            starts.append(pairs.count)
        }
        self.pairs = pairs
        self.pairStart = starts
        self.hasCosts = !c.costs.isEmpty
    }
}
