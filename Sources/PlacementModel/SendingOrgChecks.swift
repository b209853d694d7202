/// The checks of sending organisations that need no funding file
/// (rounds.md, section 4): ids are unique, and when the round lists its
/// sending organisations, every participant's `sending_org` is one of them
/// (a typo would silently make its participants travel from nowhere).
/// Whether every location a funding file needs is given is checked with
/// the funding file (`FundingCheck`).
extension InstanceChecker {
    mutating func checkSendingOrgs(_ instance: Instance, _ loc: some InstanceLocator) {
        var ids: [String: Int] = [:]
        for (i, org) in instance.sendingOrgs.enumerated() {
            if org.id.isEmpty {
                error(loc.sendingOrg(i, field: "id"), "a sending organisation id must not be empty")
            } else if let j = ids[org.id] {
                let first = loc.sendingOrg(j, field: nil)
                error(
                    loc.sendingOrg(i, field: "id"),
                    "duplicate sending organisation id \"\(org.id)\" (first given at \(first.location))")
            } else {
                ids[org.id] = i
            }
        }
        guard !instance.sendingOrgs.isEmpty else { return }
        for (i, p) in instance.participants.enumerated() {
            guard let s = p.sendingOrg, ids[s] == nil else { continue }
            var message =
                "sending_org \"\(s)\" is not among the round's sending organisations; add it to sending_orgs "
                + "or correct the id"
            if let n = nearest(s, among: Array(ids.keys)) { message += " (did you mean \"\(n)\"?)" }
            error(loc.participant(i, field: "sending_org"), message)
        }
    }
}
