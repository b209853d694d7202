import PlacementFormulation
import PlacementModel

/// Locks and bans for a generated round (`allvet generate --locks N --bans
/// N`; rounds.md, section 1), the same for the same seed on every machine.
///
/// Each lock is one of the participant's candidate stays under the default
/// policy, chosen so that all the locked stays together fit every offer and
/// host capacity and offer total: the round stays feasible under any policy
/// without hard quotas. Half the locks name the offer and the start, a
/// quarter the offer alone, a quarter the host alone. Each ban forbids one
/// of a participant's candidate offers (or its whole host, every other
/// time) for a participant without a lock.
public struct AgreementGenerator: Sendable {
    public var locks: Int
    public var bans: Int
    public var seed: UInt64

    public init(locks: Int, bans: Int, seed: UInt64) {
        precondition(locks >= 0 && bans >= 0, "counts must not be negative")
        self.locks = locks
        self.bans = bans
        self.seed = seed
    }

    /// `instance` with up to ``locks`` locks and ``bans`` bans added (fewer
    /// when too few participants have a stay that still fits).
    public func adding(to instance: Instance) -> Instance {
        var out = instance
        guard locks > 0 || bans > 0 else { return out }
        var rng = SplitMix64(seed: seed ^ 0x6C6F_636B_7300_0000)
        let c = CandidateSet(instance: instance, policy: .default)
        var order = Array(0..<c.participantCount)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }

        var offerWeek: [Int: [Int: Int]] = [:], hostWeek: [Int: [Int: Int]] = [:], offerTotal: [Int: Int] = [:]
        func fits(_ s: Stay) -> Bool {
            let (h, o) = c.offers[s.offer.rawValue]
            let weeks = s.start..<(s.start + c.weeks[s.participant.rawValue])
            if let t = o.total, offerTotal[s.offer.rawValue, default: 0] >= t { return false }
            for w in weeks {
                if offerWeek[s.offer.rawValue]?[w, default: 0] ?? 0 >= o.capacity { return false }
                if let cap = instance.hosts[h.rawValue].capacity, hostWeek[h.rawValue]?[w, default: 0] ?? 0 >= cap {
                    return false
                }
            }
            return true
        }
        func take(_ s: Stay) {
            let h = c.offers[s.offer.rawValue].host.rawValue
            offerTotal[s.offer.rawValue, default: 0] += 1
            for w in s.start..<(s.start + c.weeks[s.participant.rawValue]) {
                offerWeek[s.offer.rawValue, default: [:]][w, default: 0] += 1
                hostWeek[h, default: [:]][w, default: 0] += 1
            }
        }

        var locked = Set<Int>()
        // Members of groups are not locked: a lock binds the whole group, whose places it does not check.
        for p in order where out.locks.count < locks && instance.participants[p].group == nil {
            let range = c.stayRange(of: ParticipantIndex(p))
            guard !range.isEmpty else { continue }
            let s = c.stays[range.lowerBound + rng.below(range.count)]
            guard fits(s) else { continue }
            take(s)
            locked.insert(p)
            let (h, o) = c.offers[s.offer.rawValue]
            let id = instance.participants[p].id
            switch rng.below(4) {
            case 0, 1: out.locks.append(Lock(participant: id, target: .offer(o.id), start: c.monday(ofWeek: s.start)))
            case 2: out.locks.append(Lock(participant: id, target: .offer(o.id)))
            default: out.locks.append(Lock(participant: id, target: .host(instance.hosts[h.rawValue].id)))
            }
        }
        for p in order.reversed() where out.bans.count < bans && !locked.contains(p) {
            let range = c.stayRange(of: ParticipantIndex(p))
            guard !range.isEmpty else { continue }
            let s = c.stays[range.lowerBound + rng.below(range.count)]
            let (h, o) = c.offers[s.offer.rawValue]
            let id = instance.participants[p].id
            let target: AgreementTarget =
                out.bans.count % 2 == 0 ? .offer(o.id) : .host(instance.hosts[h.rawValue].id)
            out.bans.append(Ban(participant: id, target: target))
        }
        return out
    }
}
