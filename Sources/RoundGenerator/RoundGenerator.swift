import PlacementModel

/// A realistic synthetic placement round, the same for the same seed on
/// every machine.
///
/// Participants come mostly from the alliance (ES, PT, FI, PL, DE), hosts
/// from fifteen EU countries; languages, windows, stays, needs, ages,
/// attributes, offers and preferences follow the distributions in
/// docs/generator.md, calibrated on the benchmark rounds in
/// shared/benchmarks (500 × 120 gives some 40,000 time-indexed candidates).
///
/// ```swift
/// let round = RoundGenerator(participants: 500, hosts: 120, seed: 1).generate()
/// ```
public struct RoundGenerator: Sendable {
    public let participants: Int
    public let hosts: Int
    public let seed: UInt64
    /// The calendar year of the round.
    public let year: Int

    /// - Parameters:
    ///   - participants: how many participants (≥ 0).
    ///   - hosts: how many hosts (≥ 0); each has one to three offers.
    ///   - seed: any value; the same seed gives the same instance.
    public init(participants: Int, hosts: Int, seed: UInt64) {
        precondition(participants >= 0 && hosts >= 0, "counts must not be negative")
        self.participants = participants
        self.hosts = hosts
        self.seed = seed
        self.year = 2026
    }

    /// The round, named `synthetic-n<participants>-m<hosts>-s<seed>`.
    public func generate() -> Instance {
        // Independent streams for hosts and participants, so changing one
        // count does not reshuffle the other side.
        var hostRNG = SplitMix64(seed: seed ^ 0x686F_7374_7300_0000)
        var participantRNG = SplitMix64(seed: seed ^ 0x7061_7274_6963_0000)
        let hostList = HostFactory(year: year).makeHosts(count: hosts, rng: &hostRNG)
        let sampler = PreferenceSampler(hosts: hostList, rng: &hostRNG)
        let people = ParticipantFactory(year: year, preferences: sampler).makeParticipants(
            count: participants, rng: &participantRNG)
        return Instance(name: "synthetic-n\(participants)-m\(hosts)-s\(seed)", participants: people, hosts: hostList)
    }
}
