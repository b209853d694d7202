import PlacementModel

/// A round's locks, bans and previous stays, looked up by participant id
/// while candidates are generated.
struct Agreements {
    let lock: [String: Lock]
    let bannedOffers: [String: Set<String>]
    let bannedHosts: [String: Set<String>]
    let previous: [String: PreviousStay]

    init(_ instance: Instance) {
        var lock: [String: Lock] = [:]
        for l in instance.locks where lock[l.participant] == nil { lock[l.participant] = l }
        var offers: [String: Set<String>] = [:], hosts: [String: Set<String>] = [:]
        for b in instance.bans {
            switch b.target {
            case .offer(let id): offers[b.participant, default: []].insert(id)
            case .host(let id): hosts[b.participant, default: []].insert(id)
            }
        }
        self.lock = lock
        self.bannedOffers = offers
        self.bannedHosts = hosts
        self.previous = instance.countedPrevious
    }

    /// Whether a ban forbids participant `p` at `offer` of `host`.
    func bans(_ p: String, offer: String, host: String) -> Bool {
        bannedOffers[p]?.contains(offer) == true || bannedHosts[p]?.contains(host) == true
    }
}

extension CandidateSet {
    /// The locks that no candidate satisfies under `policy`: each an input
    /// error at the lock's place, naming the filter that removed the last
    /// matching (offer, start) pair, as `no_candidate` names it (rounds.md,
    /// section 1; rulings 15 and 21: a lock waives no rule).
    public static func lockErrors(instance: Instance, policy: Policy) -> [Diagnostic] {
        guard !instance.locks.isEmpty else { return [] }
        var index: [String: Int] = [:]
        for (i, p) in instance.participants.enumerated() where index[p.id] == nil { index[p.id] = i }
        let offers = instance.offers
        let weekZero = instance.weekZero ?? Day(ordinal: 4)
        var out: [Diagnostic] = []
        for lock in instance.locks {
            guard let pi = index[lock.participant] else { continue }  // reported when the round was read
            let outcomes = outcomes(of: ParticipantIndex(pi), instance: instance, policy: policy)
            var deepest: Filter? = nil
            var startOutside = false, named = false, satisfied = false
            for (oi, entry) in offers.enumerated() where !satisfied {
                let host = instance.hosts[entry.host.rawValue]
                guard lock.target.names(offer: entry.offer.id, host: host.id) else { continue }
                named = true
                switch outcomes[oi] {
                case .removed(let f): deepest = max(deepest ?? f, f)
                case .starts(let first, let last):
                    guard let start = lock.start else {
                        satisfied = true
                        continue
                    }
                    let w = (start.ordinal - weekZero.ordinal) / 7
                    if first <= w && w <= last { satisfied = true } else { startOutside = true }
                }
            }
            // An unknown offer or host was reported when the round was read.
            guard named, !satisfied else { continue }
            let place = lock.origin ?? (file: "", location: "lock of \(lock.participant)")
            let what = "the lock of \(lock.participant) at \(lock.target)" + (lock.start.map { " from \($0)" } ?? "")
            let why: String
            if startOutside {
                why =
                    "no stay starting on \(lock.start!) passes the filters (the filter \"dates\" or \"age\" "
                    + "allows other starts there)"
            } else {
                let f = deepest ?? .sector
                why = "every stay there falls to the filter \"\(f)\""
            }
            out.append(
                Diagnostic(
                    .error, file: place.file, location: place.location,
                    message:
                        "\(what) has no candidate stay: \(why). A lock waives no rule; correct the lock or the "
                        + "round (docs/contract/rounds.md, rulings 15 and 21)."))
        }
        return out
    }
}
