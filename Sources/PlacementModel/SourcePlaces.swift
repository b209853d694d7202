/// Where a round's hosts, participants and sending organisations were
/// written (file and JSON path or line), kept by the readers so that
/// checks made later, once a funding file or a policy is known, name the
/// place a coordinator must edit. Never compared: two rounds with equal
/// entries are equal wherever they were read from.
public struct SourcePlaces: Sendable, Equatable {
    public typealias Place = (file: String, location: String)
    public var participants: [Place] = []
    public var hosts: [Place] = []
    public var sendingOrgs: [Place] = []
    public init() {}
    public static func == (a: SourcePlaces, b: SourcePlaces) -> Bool { true }
}

extension Instance {
    /// The place of participant `i` (its id when the round was built in code).
    public func place(ofParticipant i: Int) -> SourcePlaces.Place {
        i < places.participants.count ? places.participants[i] : ("", "participant \(participants[i].id)")
    }
    public func place(ofHost h: Int) -> SourcePlaces.Place {
        h < places.hosts.count ? places.hosts[h] : ("", "host \(hosts[h].id)")
    }
    public func place(ofSendingOrg s: Int) -> SourcePlaces.Place {
        s < places.sendingOrgs.count ? places.sendingOrgs[s] : ("", "sending organisation \(sendingOrgs[s].id)")
    }
}

/// Records where each entry was written (``SourcePlaces``) and sets each
/// lock's ``Lock/origin``: the readers call this once, with their locator.
public func locateEntries(_ instance: inout Instance, locator: some InstanceLocator) {
    locateLocks(&instance, locator: locator)
    var places = SourcePlaces()
    places.participants = instance.participants.indices.map { locator.participant($0, field: nil) }
    places.hosts = instance.hosts.indices.map { locator.host($0, field: nil) }
    places.sendingOrgs = instance.sendingOrgs.indices.map { locator.sendingOrg($0, field: nil) }
    instance.places = places
}
