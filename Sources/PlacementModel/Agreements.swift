/// What a lock or a ban names: one offer, or any offer of one host
/// (docs/contract/rounds.md, section 1).
public enum AgreementTarget: Sendable, Equatable, CustomStringConvertible {
    case offer(String)
    case host(String)

    /// The id named, offer or host.
    public var id: String {
        switch self {
        case .offer(let id), .host(let id): id
        }
    }

    /// Whether a stay at `offer` of `host` is one the target names.
    public func names(offer: String, host: String) -> Bool {
        switch self {
        case .offer(let id): id == offer
        case .host(let id): id == host
        }
    }

    public var description: String {
        switch self {
        case .offer(let id): "offer \(id)"
        case .host(let id): "host \(id)"
        }
    }
}

/// A placement agreed before the round: the participant must be placed at
/// the offer (or at some offer of the host), starting on `start` when given
/// (rounds.md, section 1; rulings 15 and 21: a lock waives no rule).
public struct Lock: Sendable, Equatable {
    public var participant: String
    public var target: AgreementTarget
    /// The agreed start Monday; nil: any start.
    public var start: Day?
    /// Where the lock was written (`$.locks[2]` of a file, or `locks.csv`
    /// line 3), for errors found once the policy is known; not part of the
    /// lock's value.
    public var origin: (file: String, location: String)?

    public init(
        participant: String, target: AgreementTarget, start: Day? = nil,
        origin: (file: String, location: String)? = nil
    ) {
        self.participant = participant
        self.target = target
        self.start = start
        self.origin = origin
    }

    public static func == (a: Lock, b: Lock) -> Bool {
        a.participant == b.participant && a.target == b.target && a.start == b.start
    }

    /// Whether a stay at `offer` of `host` starting on `monday` keeps the lock.
    public func admits(offer: String, host: String, monday: Day) -> Bool {
        target.names(offer: offer, host: host) && (start == nil || start == monday)
    }
}

/// A pair that must never happen: no stay of the participant at the offer
/// (at any offer of the host). The tenth filter, `banned` (ruling 14).
public struct Ban: Sendable, Equatable {
    public var participant: String
    public var target: AgreementTarget

    public init(participant: String, target: AgreementTarget) {
        self.participant = participant
        self.target = target
    }
}

/// A stay of an earlier round's results (`solve --previous`; rounds.md,
/// section 3), as its `assignments.csv` wrote it.
public struct PreviousStay: Sendable, Equatable {
    public var participant: String
    public var offer: String
    /// The host as the earlier results named it (empty when they did not).
    public var host: String
    public var start: Day

    public init(participant: String, offer: String, host: String, start: Day) {
        self.participant = participant
        self.offer = offer
        self.host = host
        self.start = start
    }
}

/// When a new stay keeps a previous one (the `changes` goal's `keep`).
public enum KeepMode: String, Sendable, CaseIterable {
    /// The same offer and the same start (the default).
    case stay
    /// The same offer, any start.
    case offer
    /// Any offer of the same host, any start.
    case host
}

/// How a stay compares with its participant's previous stay, from
/// unrelated to identical: the one ordering behind every `keep` mode.
public enum PreviousMatch: UInt8, Sendable, Comparable {
    case none = 0
    case sameHost = 1
    case sameOffer = 2
    case sameStay = 3

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The match of a stay at `offer` of `host` from `monday` with `previous`.
    public init(offer: String, host: String, monday: Day, previous: PreviousStay?, previousHost: String?) {
        guard let previous else {
            self = .none
            return
        }
        if previous.offer == offer {
            self = previous.start == monday ? .sameStay : .sameOffer
        } else if let h = previousHost, h == host {
            self = .sameHost
        } else {
            self = .none
        }
    }

    /// Whether a stay with this match keeps the previous one under `mode`.
    public func keeps(_ mode: KeepMode) -> Bool {
        switch mode {
        case .stay: self == .sameStay
        case .offer: self >= .sameOffer
        case .host: self >= .sameHost
        }
    }
}

extension Instance {
    /// The previous stays that count (rounds.md, section 3): those of
    /// participants still in the round, by participant id. Rows of
    /// participants who left are reported, not counted; a participant
    /// with two rows (a hand-edited file) counts by its first.
    public var countedPrevious: [String: PreviousStay] {
        guard !previous.isEmpty else { return [:] }
        let ids = Set(participants.map(\.id))
        var out: [String: PreviousStay] = [:]
        for s in previous where ids.contains(s.participant) && out[s.participant] == nil { out[s.participant] = s }
        return out
    }

    /// The host a previous stay was at: as the earlier results said, else
    /// the host the offer has in this round; nil when neither says.
    public func previousHost(of s: PreviousStay) -> String? {
        if !s.host.isEmpty { return s.host }
        for h in hosts where h.offers.contains(where: { $0.id == s.offer }) { return h.id }
        return nil
    }

    /// The value of the `changes` goal (rounds.md, section 3): the counted
    /// previous stays that `now` (participant id → offer, host, start) does
    /// not keep under `keep`. The one place the figure is counted from
    /// stays, for results, reports and `verify`.
    public func changes(keep: KeepMode, now: [String: (offer: String, host: String, start: Day)]) -> Int {
        var count = 0
        for (id, before) in countedPrevious {
            guard let after = now[id] else {
                count += 1
                continue
            }
            let match = PreviousMatch(
                offer: after.offer, host: after.host, monday: after.start, previous: before,
                previousHost: previousHost(of: before))
            if !match.keeps(keep) { count += 1 }
        }
        return count
    }
}
