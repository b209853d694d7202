/// The checks of locks and bans that need no policy (rounds.md, section 1):
/// every id they name exists, a lock's `start` is a Monday, and one
/// participant has at most one lock. Whether a lock has a candidate
/// depends on the policy and is checked before solving
/// (`CandidateSet.lockErrors`).
/// Sets each lock's ``Lock/origin`` from the reader's locator, so that a
/// lock found wrong once the policy is known is named where it was written.
public func locateLocks(_ instance: inout Instance, locator: some InstanceLocator) {
    for i in instance.locks.indices { instance.locks[i].origin = locator.lock(i, field: nil) }
}

extension InstanceChecker {
    mutating func checkAgreements(
        _ instance: Instance, _ loc: some InstanceLocator, hosts: [String: Int], offers: [String: (Int, Int)],
        participants: [String: Int]
    ) {
        func target(_ t: AgreementTarget, at place: (String?) -> (file: String, location: String), what: String) {
            switch t {
            case .offer(let id) where offers[id] == nil:
                error(place("offer"), "\(what) names offer \"\(id)\", which is not in the round; expected an offer id")
            case .host(let id) where hosts[id] == nil:
                error(place("host"), "\(what) names host \"\(id)\", which is not in the round; expected a host id")
            default: break
            }
        }
        var locked: [String: Int] = [:]
        for (i, lock) in instance.locks.enumerated() {
            let place = { (field: String?) in loc.lock(i, field: field) }
            if participants[lock.participant] == nil {
                error(
                    place("participant"),
                    "the lock names participant \"\(lock.participant)\", who is not in the round; expected a participant id"
                )
            } else if let j = locked[lock.participant] {
                let first = loc.lock(j, field: nil)
                error(
                    place("participant"),
                    "\(lock.participant) has a second lock (the first is at \(first.location)); a participant can be locked to one stay only"
                )
            } else {
                locked[lock.participant] = i
            }
            target(lock.target, at: place, what: "the lock of \(lock.participant)")
            if let start = lock.start, start.weekday != 0 {
                error(
                    place("start"),
                    "the lock's start \(start) is not a Monday; stays start on Mondays (the Monday before is \(start.mondayOnOrBefore))"
                )
            }
        }
        for (i, ban) in instance.bans.enumerated() {
            let place = { (field: String?) in loc.ban(i, field: field) }
            if participants[ban.participant] == nil {
                error(
                    place("participant"),
                    "the ban names participant \"\(ban.participant)\", who is not in the round; expected a participant id"
                )
            }
            target(ban.target, at: place, what: "the ban of \(ban.participant)")
        }
    }
}
