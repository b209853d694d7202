/// Words that must match between participants and offers but were typed
/// in two places: a sector no offer has, an offer sector nobody has, a
/// need no host or offer provides. Each is a warning naming the place and
/// the nearest word of the other side (`Industry 4.0` → `industry40`), since
/// the participant or offer it concerns can then match nothing (issue 13:
/// sector typos and needs typed in Spanish passed without a word).
extension InstanceChecker {
    mutating func checkVocabulary(_ instance: Instance, _ loc: some InstanceLocator) {
        guard !instance.participants.isEmpty, instance.hosts.contains(where: { !$0.offers.isEmpty }) else { return }
        var offerSectors: [String] = []
        var provided: [String] = []
        var seen = Set<String>(), seenProvided = Set<String>()
        for host in instance.hosts {
            for f in host.accessibility where seenProvided.insert(f).inserted { provided.append(f) }
            for offer in host.offers {
                for s in offer.sectors where seen.insert(s).inserted { offerSectors.append(s) }
                for f in offer.accessibility where seenProvided.insert(f).inserted { provided.append(f) }
            }
        }
        var participantSectors: [String] = []
        var seenSectors = Set<String>()
        for p in instance.participants where seenSectors.insert(p.sector).inserted {
            participantSectors.append(p.sector)
        }
        for (i, p) in instance.participants.enumerated() {
            if !p.sector.isEmpty, !seen.contains(p.sector) {
                warning(
                    loc.participant(i, field: "sector"),
                    "no offer has the sector \"\(p.sector)\"\(Self.hint(p.sector, offerSectors)), so this participant "
                        + "can be placed nowhere")
            }
            for need in p.needs where !seenProvided.contains(need) {
                warning(
                    loc.participant(i, field: "needs"),
                    "no host or offer provides the need \"\(need)\"\(Self.hint(need, provided)), so this participant "
                        + "can be placed nowhere")
            }
        }
        for (h, host) in instance.hosts.enumerated() {
            for (k, offer) in host.offers.enumerated() {
                for s in offer.sectors where !seenSectors.contains(s) {
                    warning(
                        loc.offer(host: h, offer: k, field: "sectors"),
                        "no participant has the sector \"\(s)\"\(Self.hint(s, participantSectors))")
                }
            }
        }
    }

    /// " (did you mean "x"?)" for the nearest of `words`: the same letters
    /// and digits in any case and spacing (`Industry 4.0`, `industry40`), or
    /// a near spelling; "" when none is near.
    static func hint(_ word: String, _ words: [String]) -> String {
        func key(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let k = key(word)
        if let same = words.first(where: { key($0) == k && !k.isEmpty }) { return " (did you mean \"\(same)\"?)" }
        if let near = nearest(word, among: words) { return " (did you mean \"\(near)\"?)" }
        return ""
    }
}
