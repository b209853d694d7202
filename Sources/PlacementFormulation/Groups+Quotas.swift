import PlacementModel

/// Travel groups that a hard quota keeps out wherever they go (rounds.md,
/// section 2, with model.md's quotas): the one place that finds them.
///
/// A group's members share a place: its host (`together: host`) or a city,
/// which lies in one country. A hard `max_count k` rule whose placement-side
/// `within` keys are all fixed by that place (`host` and `host_country` for
/// `together: host`; `host_country` for `city`; none at all) puts the
/// members with equal participant-side keys into one scope, whichever place
/// the group takes. When more than `k` of them match the rule's `who`, the
/// group breaks the rule anywhere, so it is never placed. The benchmark
/// policy's "at most two of one country at a host" does that to a group of
/// three from one school that travels to one host.
///
/// Why the formulations need telling: their LP relaxation places two thirds
/// of each member of such a group (the ties hold, the quota row reads
/// 2 ≤ 2). On `allvet generate --participants 5000 --hosts 1200 --seed 1`
/// under the benchmark policy, 26 such groups (89 members) kept the
/// `placed` bound at 4,996 where no solution places more than 4,907
/// (docs/performance.md, "Groups a quota keeps out"). Their members' stays
/// are fixed at 0 in both formulations, as a closed offer's are, and each
/// member's reason names the rule. A group with a locked member is left to
/// the model, so that an infeasible round is explained by its rules.
extension CandidateSet {
    /// For each group (an index into `groups`) that a hard quota keeps out
    /// wherever it goes, why, in words for the member's reason.
    static func groupsKeptOut(
        _ groups: [GroupMembers], instance: Instance, policy: Policy, locked: Set<ParticipantIndex>
    ) -> [Int: String] {
        var out: [Int: String] = [:]
        for quota in policy.quotas where quota.soft == nil {
            let limits = quota.bounds.compactMap { bound -> Int? in
                if case .maxCount(let k) = bound { return k }
                return nil
            }
            guard let k = limits.min() else { continue }
            let placeSide = Set(quota.within.filter(\.isPlacementSide))
            let participantSide = quota.within.filter { !$0.isPlacementSide }
            // A group of one travels alone: its own quota rows keep it out, and its reason is its own.
            for (g, gm) in groups.enumerated() where out[g] == nil && gm.members.count > max(k, 1) {
                let fixed: Set<ScopeKey> = gm.group.together == .host ? [.host, .hostCountry] : [.hostCountry]
                guard placeSide.isSubset(of: fixed), !gm.members.contains(where: locked.contains) else { continue }
                // The members the rule counts, by their participant-side scope.
                var counted: [(scope: [AttributeValue?], n: Int)] = []
                for m in gm.members where quota.who.matches(instance.participants[m.rawValue]) {
                    let scope = participantSide.map { instance.participants[m.rawValue].value(of: $0.description) }
                    if let i = counted.firstIndex(where: { $0.scope == scope }) {
                        counted[i].n += 1
                    } else {
                        counted.append((scope, 1))
                    }
                }
                // The scope counting the most members (the first of those, in member order).
                guard let most = counted.max(by: { $0.n < $1.n }), most.n > k else { continue }
                out[g] = Self.keptOutText(
                    quota, limit: k, counted: most.n, scope: zip(participantSide, most.scope), gm.group)
            }
        }
        return out
    }

    private static func keptOutText(
        _ quota: Quota, limit k: Int, counted n: Int, scope: Zip2Sequence<[ScopeKey], [AttributeValue?]>,
        _ group: TravelGroup
    ) -> String {
        let place = group.together == .host ? "at one host" : "in one city"
        let keys = scope.map { "\($0.0.description) \($0.1?.description ?? "(none)")" }.joined(separator: ", ")
        return "the hard quota \(quota.name) allows at most \(k) "
            + (quota.within.isEmpty ? "in all" : "within " + quota.within.map(\.description).joined(separator: ", "))
            + ", and \(n) members\(keys.isEmpty ? "" : " (\(keys))") would count together \(place)"
    }

}
