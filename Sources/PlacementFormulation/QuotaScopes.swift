import LinearModel
import PlacementModel
/// The scopes in which a quota rule stands (model.md, Quotas; ruling 4).
///
/// The participant-side keys of `within` take every combination of values
/// that occurs among the participants (a missing attribute is a value of its
/// own); the placement-side keys take every value that occurs among the hosts
/// (`host`, `host_country`) or, when `offer` is among them, among the offers.
/// A rule with both stands for every pair. Scopes come in order of first
/// appearance, participant groups outer, placement groups inner.
public struct QuotaScopes: Sendable {
    /// One scope: a participant group and a placement group.
    public struct Scope: Sendable {
        public var participantGroup: Int
        public var placementGroup: Int
        /// `within` key → value (nil: the attribute is missing), in `within` order.
        public var label: [(key: String, value: String?)]
    }

    public let scopes: [Scope]
    /// The participant group of each participant.
    public let groupOfParticipant: [Int]
    /// The placement group of each offer (flat offer order).
    public let groupOfOffer: [Int]
    /// Participants in each participant group (`N_all`).
    public let participantsInGroup: [Int]
    /// Participants matching `who` in each participant group (`N_who`).
    public let whoInGroup: [Int]
    /// Whether each participant matches the rule's `who`.
    public let isWho: [Bool]

    public init(quota: Quota, instance: Instance) {
        let pKeys = quota.within.filter { !$0.isPlacementSide }
        let oKeys = quota.within.filter { $0.isPlacementSide }

        // Participant groups.
        var pIndex: [[AttributeValue?]: Int] = [:]
        var pTuples: [[AttributeValue?]] = []
        var groupOfParticipant: [Int] = []
        var isWho: [Bool] = []
        groupOfParticipant.reserveCapacity(instance.participants.count)
        for p in instance.participants {
            let tuple = pKeys.map { p.value(of: $0.description) }
            let g: Int
            if let known = pIndex[tuple] {
                g = known
            } else {
                g = pTuples.count
                pIndex[tuple] = g
                pTuples.append(tuple)
            }
            groupOfParticipant.append(g)
            isWho.append(quota.who.matches(p))
        }
        if pTuples.isEmpty { pTuples.append([]) }  // no participants: one empty scope
        var nAll = [Int](repeating: 0, count: pTuples.count)
        var nWho = [Int](repeating: 0, count: pTuples.count)
        for (i, g) in groupOfParticipant.enumerated() {
            nAll[g] += 1
            if isWho[i] { nWho[g] += 1 }
        }

        // Placement groups.
        var oIndex: [[String]: Int] = [:]
        var oTuples: [[String]] = []
        func group(_ tuple: [String]) -> Int {
            if let known = oIndex[tuple] { return known }
            oIndex[tuple] = oTuples.count
            oTuples.append(tuple)
            return oTuples.count - 1
        }
        var groupOfOffer: [Int] = []
        let perOffer = oKeys.contains(.offer)
        for host in instance.hosts {
            func value(_ k: ScopeKey, offer: Offer?) -> String {
                switch k {
                case .host: return host.id
                case .hostCountry: return host.country
                default: return offer?.id ?? ""
                }
            }
            if !perOffer { _ = group(oKeys.map { value($0, offer: nil) }) }
            for o in host.offers { groupOfOffer.append(group(oKeys.map { value($0, offer: o) })) }
        }
        // Without placement-side keys the rule stands in one placement group: all of them. With
        // them, in each value that occurs; a round with no hosts (or no offers, for `offer`) has
        // none, and the rule stands nowhere (docs/model.md, "Quota scopes").
        if oTuples.isEmpty && oKeys.isEmpty { oTuples.append([]) }

        var scopes: [Scope] = []
        for (a, pt) in pTuples.enumerated() {
            for (b, ot) in oTuples.enumerated() {
                var label: [(key: String, value: String?)] = []
                var pi = 0, oi = 0
                for k in quota.within {
                    if k.isPlacementSide {
                        label.append((k.description, ot[oi])); oi += 1
                    } else {
                        label.append((k.description, pt[pi]?.description)); pi += 1
                    }
                }
                scopes.append(Scope(participantGroup: a, placementGroup: b, label: label))
            }
        }
        self.scopes = scopes
        self.groupOfParticipant = groupOfParticipant
        self.groupOfOffer = groupOfOffer
        self.participantsInGroup = nAll
        self.whoInGroup = nWho
        self.isWho = isWho
    }

    /// The index into ``scopes`` of the scope holding participant `p` at
    /// offer `o` (flat offer index).
    public func scope(participant p: Int, offer o: Int) -> Int {
        groupOfParticipant[p] * placementGroupCount + groupOfOffer[o]
    }

    public var placementGroupCount: Int {
        scopes.isEmpty ? 1 : (scopes.last!.placementGroup + 1)
    }
}
