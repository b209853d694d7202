import Testing
import PlacementModel
import PlacementCSV
@testable import RoundGenerator

/// A locator for generated instances: places are their indices.
struct IndexLocator: InstanceLocator {
    func participant(_ index: Int, field: String?) -> (file: String, location: String) {
        ("generated", "participants[\(index)]")
    }
    func host(_ index: Int, field: String?) -> (file: String, location: String) { ("generated", "hosts[\(index)]") }
    func offer(host: Int, offer: Int, field: String?) -> (file: String, location: String) {
        ("generated", "hosts[\(host)].offers[\(offer)]")
    }
}

@Suite struct RoundGeneratorTests {
    static let large = RoundGenerator(participants: 5_000, hosts: 1_200, seed: 2026).generate()

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = try InstanceCSVWriter.encode(RoundGenerator(participants: 300, hosts: 80, seed: 42).generate()).map(
            \.bytes)
        let b = try InstanceCSVWriter.encode(RoundGenerator(participants: 300, hosts: 80, seed: 42).generate()).map(
            \.bytes)
        let c = try InstanceCSVWriter.encode(RoundGenerator(participants: 300, hosts: 80, seed: 43).generate()).map(
            \.bytes)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func firstIdsAndValuesArePinned() {
        // Guards cross-machine determinism: these change only if the generator does.
        let round = RoundGenerator(participants: 3, hosts: 2, seed: 1).generate()
        #expect(round.name == "synthetic-n3-m2-s1")
        var rng = SplitMix64(seed: 0)
        #expect(rng.nextValues(2) == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
        #expect(round.participants.allSatisfy { $0.id.wholeMatch(of: /[A-Z]{2}-\d{5}/) != nil })
        #expect(round.hosts.allSatisfy { $0.id.wholeMatch(of: /[A-Z]{2}-H\d{4}/) != nil })
        #expect(round.hosts.allSatisfy { h in h.offers.enumerated().allSatisfy { $1.id == "\(h.id)/o\($0 + 1)" } })
    }

    @Test(arguments: [(0, 0), (10, 5), (500, 120), (5_000, 1_200)])
    func outputIsValid(_ size: (Int, Int)) {
        let round =
            size.0 == 5_000 ? Self.large : RoundGenerator(participants: size.0, hosts: size.1, seed: 9).generate()
        #expect(round.participants.count == size.0 && round.hosts.count == size.1)
        #expect(checkInstance(round, locator: IndexLocator()).filter { $0.severity == .error }.isEmpty)
        // Our own invariants, while checkInstance is a stub.
        #expect(Set(round.participants.map(\.id)).count == round.participants.count)
        #expect(Set(round.hosts.map(\.id)).count == round.hosts.count)
        let offerIDs = round.hosts.flatMap { $0.offers.map(\.id) }
        #expect(Set(offerIDs).count == offerIDs.count)
        let known = Set(offerIDs).union(round.hosts.map(\.id))
        let hostCountry = Dictionary(uniqueKeysWithValues: round.hosts.map { ($0.id, $0.country) })
        let yearStart = Day(year: 2026, month: 1, day: 1)!, yearEnd = Day(year: 2026, month: 12, day: 31)!
        for p in round.participants {
            #expect(p.availableFrom >= yearStart && p.availableTo <= yearEnd, "\(p.id)")
            #expect(p.availableTo.ordinal - p.availableFrom.ordinal + 1 >= 7 * p.weeks + 7, "\(p.id) window too short")
            #expect((1...12).contains(p.weeks))
            #expect(p.preferences.count <= 5 && Set(p.preferences).count == p.preferences.count)
            for entry in p.preferences {
                #expect(known.contains(entry), "\(p.id) prefers unknown \(entry)")
                let host = String(entry.split(separator: "/").first!)
                #expect(hostCountry[host] != p.country, "\(p.id) prefers a host at home")
            }
            let age = p.birthDate!.age(on: yearStart)
            #expect(p.kind == .staff ? (29...60).contains(age) : (15...24).contains(age), "\(p.id) age \(age)")
        }
        for h in round.hosts {
            #expect((1...3).contains(h.offers.count))
            if let c = h.capacity { #expect(c >= 1) }
            for o in h.offers {
                #expect(o.from <= o.to && o.to <= yearEnd)
                #expect((1...4).contains(o.capacity))
                if let t = o.total { #expect(t >= o.capacity) }
                if let lo = o.minWeeks, let hi = o.maxWeeks { #expect(lo <= hi) }
            }
        }
    }

    @Test func distributionsOnFiveThousand() {
        let ps = Self.large.participants
        let n = Double(ps.count)
        func share(_ where: (Participant) -> Bool, of list: [Participant] = ps) -> Double {
            Double(list.filter(`where`).count) / Double(list.count)
        }
        #expect(abs(share { Geography.alliance.contains($0.country) } - 0.69) <= 0.03)
        #expect(Set(ps.map(\.country)).count >= 18)
        #expect(Set(Self.large.hosts.map(\.country)).count == 15)
        #expect(abs(share { $0.kind == .staff } - 0.08) <= 0.015)
        let apprentices = ps.filter { $0.kind == .apprentice }
        #expect(abs(share({ $0.attribute("fewer_opportunities") == .bool(true) }, of: apprentices) - 1.0 / 3.0) <= 0.03)
        #expect(abs(share { $0.attribute("gender") == .string("X") } - 0.02) <= 0.01)
        #expect(abs(share { !$0.needs.isEmpty } - 0.03) <= 0.01)
        // Stays: 65 % of apprentices one to six weeks, 22 % long (nine to twelve).
        #expect(abs(share({ $0.weeks <= 6 }, of: apprentices) - 0.65) <= 0.03)
        #expect(abs(share({ $0.weeks >= 9 }, of: apprentices) - 0.22) <= 0.03)
        #expect(ps.allSatisfy { $0.kind == .apprentice || $0.weeks <= 2 })
        // Preference lists: 16 % empty, mean 2.46 entries.
        #expect(abs(share { $0.preferences.isEmpty } - 0.16) <= 0.03)
        let mean = Double(ps.reduce(0) { $0 + $1.preferences.count }) / n
        #expect(abs(mean - 2.46) <= 0.15)
        // Popular hosts are congested: the top tenth gets at least 40 % of the mentions.
        var mentions: [String: Int] = [:]
        for p in ps { for e in p.preferences { mentions[String(e.split(separator: "/")[0]), default: 0] += 1 } }
        let counts = mentions.values.sorted(by: >)
        let top = counts.prefix(Self.large.hosts.count / 10).reduce(0, +)
        #expect(Double(top) / Double(counts.reduce(0, +)) >= 0.4)
        // Minimum age matters: a fifth or more of apprentices are under 18 at the start of the year.
        #expect(share({ $0.birthDate!.age(on: Day(year: 2026, month: 1, day: 1)!) < 18 }, of: apprentices) >= 0.18)
    }

    @Test(arguments: [(500, 120), (1_000, 250)])
    func candidateDensityIsLikeTheBenchmarks(_ size: (Int, Int)) {
        let round = RoundGenerator(participants: size.0, hosts: size.1, seed: 1).generate()
        let f = candidateFigures(round)
        print("round \(size.0) x \(size.1): offers \(f.offers), candidates \(f.candidates), placeable \(f.placeable)")
        // Benchmarks: 500 x 120 has 179 offers, 38,171 candidates; 1,000 x 250 has 414 offers, 156,568.
        let perPair = Double(f.candidates) / Double(size.0 * size.1)
        #expect(perPair > 0.3 && perPair < 1.0)
        #expect(Double(f.placeable) / Double(size.0) > 0.7)
    }
}

extension SplitMix64 {
    mutating func nextValues(_ k: Int) -> [UInt64] { (0..<k).map { _ in next() } }
}
