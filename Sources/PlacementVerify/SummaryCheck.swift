import PlacementCSV
import PlacementModel

/// The figures of `summary.json` against those recomputed from the stays.
///
/// Only what the file holds is compared: a summary written by another
/// tool, with fewer or other keys than allvet writes, is judged on the
/// keys it has (issue 11), and unknown keys are ignored.
extension ResultsVerifier {
    // MARK: summary.json

    func checkSummary(
        _ text: String, rules: Rules, stays: [StayRow], companions companionCosts: [CompanionCost]?,
        quotas: [QuotaFigure], unplacedCounts: [String: Int],
        haveUnplaced: Bool, report: (String, String, String) -> Void
    ) {
        let root: JSONValue
        do { root = try JSONValue.parse(text).value } catch {
            report("", "syntax", "not valid JSON: \(error)")
            return
        }
        func num(_ v: JSONValue?) -> Double? {
            if case .number(let s)? = v?.content { return Double(s) }
            return nil
        }
        func str(_ v: JSONValue?) -> String? {
            if case .string(let s)? = v?.content { return s }
            return nil
        }
        func arr(_ v: JSONValue?) -> [JSONValue] {
            if case .array(let a)? = v?.content { return a }
            return []
        }
        func obj(_ v: JSONValue?) -> [JSONValue.Member] {
            if case .object(let m)? = v?.content { return m }
            return []
        }
        func same(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case let (x?, y?): abs(x - y) <= tolerance * max(1, abs(y))
            default: false
            }
        }
        func show(_ d: Double?) -> String { d.map(Self.number) ?? "null" }
        func expect(_ path: String, _ found: Double?, _ recomputed: Double?) {
            if !same(found, recomputed) {
                report(path, "figure", "is \(show(found)); recomputed from the stays: \(show(recomputed))")
            }
        }
        /// An object of counts (`rank_histogram`, `unplaced`) against the counts
        /// recomputed: each member, then each count the object leaves out.
        func expectCounts(_ key: String, _ counts: [String: Int], missing: (String, Int) -> String) {
            let path = "$." + key
            var listed = Set<String>()
            for m in obj(root[key]) {
                listed.insert(m.key)
                expect("\(path).\(m.key)", num(m.value), Double(counts[m.key] ?? 0))
            }
            for (k, n) in counts where !listed.contains(k) { report(path, "figure", missing(k, n)) }
        }

        func has(_ key: String) -> Bool { root[key] != nil }
        if has("format"), str(root["format"]) != "allvet-result/1" {
            report("$.format", "format", "expected \"allvet-result/1\"")
        }
        // Without a status, the stays are taken as the solution.
        let status = str(root["status"]) ?? "feasible"
        let solved = status == "optimal" || status == "feasible"
        if !["optimal", "feasible", "infeasible", "time_limit"].contains(status) {
            report("$.status", "status", "unknown status \"\(status)\"")
        }
        if !solved && !stays.isEmpty {
            report("$.status", "status", "status is \(status), yet assignments.csv holds \(stays.count) stays")
        }

        if has("placed") { expect("$.placed", num(root["placed"]), Double(stays.count)) }
        // Re-planning (rounds.md, ruling 19): the changes goal's value, recomputed from the earlier stays.
        let now = rules.now(stays)
        if let changes = root["changes"], !instance.previous.isEmpty {
            let keep = str(changes["keep"]).flatMap(KeepMode.init(rawValue:)) ?? .stay
            expect(
                "$.changes.value", num(changes["value"]), Double(instance.changes(keep: keep, now: now)))
        }
        if has("participants") {
            expect("$.participants", num(root["participants"]), Double(instance.participants.count))
        }

        // Levels, by model.md (Objective; soft penalties in the level of rounds.md ruling 20).
        let penalty = quotas.reduce(0.0) { $0 + (($1.soft != nil && $1.slack < 0) ? $1.soft! * -$1.slack : 0) }
        let levels = arr(root["levels"])
        if has("levels") && levels.count != policy.objective.count {
            report("$.levels", "levels", "\(levels.count) levels; the policy has \(policy.objective.count) goals")
        }
        for (i, goal) in policy.objective.enumerated() where i < levels.count {
            if str(levels[i]["goal"]) != goal.name {
                report(
                    "$.levels[\(i)].goal", "levels",
                    "is \(str(levels[i]["goal"]) ?? "missing"); the policy's goal is \(goal.name)")
            }
            var v: Double
            switch goal {
            case .placed: v = stays.reduce(0) { $0 + goal.weight(of: instance.participants[$1.participant]) }
            case .rank(let cost):
                v = stays.reduce(0) {
                    let c = Double($1.rank - 1); return $0 + (cost == .squared ? c * c : c)
                }
            case .worstRank: v = Double(stays.map(\.rank).max() ?? 0)
            case .early: v = Double(stays.reduce(0) { $0 + rules.week(of: $1.start) })
            case .changes(let keep): v = Double(instance.changes(keep: keep, now: now))
            case .cost:
                let companions = (companionCosts ?? []).reduce(0) { $0 + $1.total }
                v = Double(stays.reduce(companions) { $0 + (rules.cost($1.participant, $1.offer)?.total ?? 0) })
            }
            if i == policy.penaltyLevel { v += goal.isMaximised ? -penalty : penalty }
            expect("$.levels[\(i)].value", num(levels[i]["value"]), solved ? v : nil)
            checkBound(levels[i], path: "$.levels[\(i)]", maximised: goal.isMaximised, report: report)
        }
        if let expectedInputHash, let found = str(root["input_hash"]), found != expectedInputHash {
            report(
                "$.input_hash", "input_hash",
                "is \(found); the round and policy given hash to \(expectedInputHash): "
                    + "these results were written for other inputs (another round, policy or version of them)")
        }

        // Rank histogram.
        var hist: [String: Int] = [:]
        for s in stays { hist[String(s.rank), default: 0] += 1 }
        if has("rank_histogram") {
            expectCounts("rank_histogram", hist) { "rank \($0) is missing; recomputed: \($1)" }
        }

        // Quotas: value and slack of every rule, scope and bound.
        var byKey: [String: QuotaFigure] = [:]
        for q in quotas { byKey[q.key] = q }
        var matched = Set<String>()
        for (i, entry) in arr(root["quotas"]).enumerated() {
            let scope = obj(entry["scope"]).map { m -> (key: String, value: String?) in (m.key, str(m.value)) }
            let key = QuotaFigure.key(name: str(entry["name"]) ?? "", bound: str(entry["bound"]) ?? "", scope: scope)
            guard let q = byKey[key] else {
                report("$.quotas[\(i)]", "quota", "no such rule, bound and scope in the policy and instance")
                continue
            }
            matched.insert(key)
            expect("$.quotas[\(i)].value", num(entry["value"]), q.value)
            expect("$.quotas[\(i)].slack", num(entry["slack"]), q.slack)
        }
        for q in quotas where has("quotas") && !matched.contains(q.key) {
            report("$.quotas", "quota", "\(q.name) \(q.bound.name)\(q.scopeText) is missing")
        }

        // Offers: peak and total use.
        var peak: [Int: Int] = [:], total: [Int: Int] = [:]
        var weekUse: [Int: [Int: Int]] = [:]
        for s in stays {
            total[s.offer, default: 0] += 1
            let w0 = rules.week(of: s.start)
            for w in w0..<(w0 + instance.participants[s.participant].weeks) {
                weekUse[s.offer, default: [:]][w, default: 0] += 1
            }
        }
        for (oi, use) in weekUse { peak[oi] = use.values.max() ?? 0 }
        let offerEntries = arr(root["offers"])
        if has("offers") && offerEntries.count != rules.offers.count {
            report("$.offers", "figure", "\(offerEntries.count) offers listed; the instance has \(rules.offers.count)")
        }
        for (i, entry) in offerEntries.enumerated() {
            guard let id = str(entry["offer"]), let oi = rules.offerByID[id] else {
                report("$.offers[\(i)]", "figure", "no such offer in the instance")
                continue
            }
            expect("$.offers[\(i)].peak", num(entry["peak"]), Double(peak[oi] ?? 0))
            expect("$.offers[\(i)].total", num(entry["total"]), Double(total[oi] ?? 0))
        }

        // Groups: country, kind, sector and every attribute that groups (Instance.groupKeys).
        var placed = Set<Int>()
        for s in stays { placed.insert(s.participant) }
        let keys = instance.groupKeys
        let groups = obj(root["groups"])
        for key in keys {
            var counts: [String: (n: Int, placed: Int)] = [:]
            for (i, p) in instance.participants.enumerated() {
                guard let v = p.value(of: key)?.description else { continue }
                counts[v, default: (0, 0)].n += 1
                if placed.contains(i) { counts[v, default: (0, 0)].placed += 1 }
            }
            guard let g = groups.first(where: { $0.key == key }) else {
                if has("groups") { report("$.groups", "figure", "group \(key) is missing") }
                continue
            }
            var listed = Set<String>()
            for m in obj(g.value) {
                listed.insert(m.key)
                let c = counts[m.key] ?? (0, 0)
                let path = "$.groups.\(key).\(m.key)"
                expect(path + ".participants", num(m.value["participants"]), Double(c.n))
                expect(path + ".placed", num(m.value["placed"]), Double(c.placed))
                expect(path + ".rate", num(m.value["rate"]), c.n == 0 ? nil : Double(c.placed) / Double(c.n))
            }
            for v in counts.keys.sorted() where !listed.contains(v) {
                report("$.groups.\(key)", "figure", "value \(v) is missing")
            }
        }

        // Unplaced counts, by reason (and filter for no_candidate).
        if haveUnplaced && has("unplaced") {
            expectCounts("unplaced", unplacedCounts) { "\($0) is missing; unplaced.csv has \($1)" }
        }
    }

    /// Whether the summary's status says there is a solution (true when
    /// the summary cannot tell, so that nothing goes unchecked).
    static func hasSolution(_ summary: String?) -> Bool {
        guard let summary, let root = try? JSONValue.parse(summary).value,
            case .string(let status)? = root["status"]?.content
        else { return true }
        return status != "infeasible" && status != "time_limit"
    }
}
