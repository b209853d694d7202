import AllVET
import RoundGenerator

/// The re-planning rung (issue 11): the 1,000 × 250 benchmark round under
/// its policy, re-planned after the host with the most stays withdrew,
/// with 100 bans (`AgreementGenerator`, seed 1), 100 locks and the first
/// solve's stays as the previous round; the policy gets `changes` (keep
/// stay) first, as `solve --previous` does. Solving it against the plain
/// rung's time is the "within 1.5×".
///
/// The locks are stays of the first solve (agreements confirmed), one in
/// eight of the unbanned participants away from the withdrawn host, by id:
/// the generator's random locks fit every capacity but may break the
/// policy's hard `max_count` per host and country, which makes the round
/// infeasible. Half name the offer and start, a quarter the offer, a
/// quarter the host.
public enum Replanning {
    public static let name =
        Rung.benchmark1000.sharedPath != nil ? "replanned-shared-1000x250" : "replanned-fallback-1000x250"

    /// The round and policy (the first solve is setup, not timed).
    public static func load() throws -> (instance: Instance, policy: Policy) {
        let (round, policy) = try Rung.benchmark1000.load()
        let first = try Engine().solve(round, policy: policy, options: EngineOptions())
        let c = first.candidates
        var previous: [PreviousStay] = []
        var stays: [String: Int] = [:]
        for k in first.chosen {
            let s = c.stays[k], e = c.offers[s.offer.rawValue]
            let host = round.hosts[e.host.rawValue].id
            previous.append(
                PreviousStay(
                    participant: round.participants[s.participant.rawValue].id, offer: e.offer.id, host: host,
                    start: c.monday(ofWeek: s.start)))
            stays[host, default: 0] += 1
        }
        let gone = stays.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        var replanned = round
        replanned.hosts.removeAll { $0.id == gone }
        replanned = AgreementGenerator(locks: 0, bans: 100, seed: 1).adding(to: replanned)
        let banned = Set(replanned.bans.map(\.participant))
        let lockable = previous.filter { $0.host != gone && !banned.contains($0.participant) }
            .sorted { $0.participant.utf8.lexicographicallyPrecedes($1.participant.utf8) }
        for (i, s) in lockable.enumerated() where i % 8 == 0 && replanned.locks.count < 100 {
            switch replanned.locks.count % 4 {
            case 0, 1: replanned.locks.append(Lock(participant: s.participant, target: .offer(s.offer), start: s.start))
            case 2: replanned.locks.append(Lock(participant: s.participant, target: .offer(s.offer)))
            default: replanned.locks.append(Lock(participant: s.participant, target: .host(s.host)))
            }
        }
        replanned.previous = previous
        return (replanned, policy.replanning)
    }
}
