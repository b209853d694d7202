import PlacementModel

/// Classes travelling together in a generated round (rounds.md, section 2;
/// `allvet generate --groups`): about `share` of the participants are put
/// in groups of two to four apprentices of one sending organisation and
/// sector, like a class with its teacher. Members take the first member's
/// weeks and availability (a class travels in one window); groups of three
/// or more get one companion, and about one group in four stays at one host.
/// It draws from a stream of its own: everyone else is left as generated.
public struct GroupGenerator: Sendable {
    public var seed: UInt64
    /// Share of participants in groups (0 for none).
    public var share: Double

    public init(share: Double, seed: UInt64) {
        self.share = share
        self.seed = seed
    }

    public func adding(to instance: Instance) -> Instance {
        var out = instance
        let target = Int((share * Double(instance.participants.count)).rounded())
        guard target >= 2 else { return out }
        var rng = SplitMix64(seed: seed ^ 0x6772_6F75_7073_0000)
        // Classes: apprentices of one sending organisation and sector, in input order.
        var classes: [String: [Int]] = [:]
        var order: [String] = []
        for (i, p) in instance.participants.enumerated() where p.kind == .apprentice && p.group == nil {
            guard let org = p.sendingOrg else { continue }
            let key = org + "\u{1}" + p.sector
            if classes[key] == nil { order.append(key) }
            classes[key, default: []].append(i)
        }
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        var placed = 0
        var number = 0
        for key in order where placed < target {
            var pool = classes[key]!
            while pool.count >= 2 && placed < target {
                let size = min(pool.count, 2 + rng.below(3), max(2, target - placed))
                let members = Array(pool.prefix(size))
                pool.removeFirst(size)
                number += 1
                let first = instance.participants[members[0]]
                let id = "G\(number)-\(first.sendingOrg!)"
                for m in members {
                    out.participants[m].group = id
                    out.participants[m].weeks = first.weeks
                    out.participants[m].availableFrom = first.availableFrom
                    out.participants[m].availableTo = first.availableTo
                }
                out.groups.append(
                    TravelGroup(
                        id: id, together: rng.below(4) == 0 ? .host : .city, companions: size >= 3 ? 1 : 0))
                placed += size
            }
        }
        return out
    }
}
