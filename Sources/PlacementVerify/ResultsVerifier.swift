import PlacementCSV
import PlacementModel

/// An independent check of a results folder against its instance and policy
/// (model.md), sharing no code with the formulation: every stay is a
/// candidate, dates and ranks are right, one stay each, every capacity in
/// every week, every total, every hard quota in every scope, every
/// participant accounted for once, `no_candidate` reasons true, and the
/// figures of `summary.json` equal those recomputed from the stays.
public struct ResultsVerifier: Sendable {
    public let instance: Instance
    public let policy: Policy
    /// Relative tolerance on figures: `|a − b| ≤ tolerance·max(1, |b|)`.
    public var tolerance = 1e-6
    /// The `input_hash` that `summary.json` must record: the hash of the
    /// round and policy given (nil: not checked). Results written for other
    /// inputs are then reported, not judged against the wrong round.
    public var expectedInputHash: String?

    public init(instance: Instance, policy: Policy) {
        self.instance = instance
        self.policy = policy
    }

    /// A stay as read from `assignments.csv`.
    struct StayRow {
        var line: Int
        var participant: Int
        var offer: Int
        var start: Day
        var rank: Int
    }

    public func verify(_ files: ResultsText) -> VerificationReport {
        let rules = Rules(instance: instance, policy: policy)
        var out: [Violation] = [], figures: [Violation] = [], notes: [String] = []
        func report(_ file: String, _ location: String, _ rule: String, _ message: String) {
            out.append(Violation(file: file, location: location, rule: rule, message: message))
        }
        let A = "assignments.csv", U = "unplaced.csv", S = "summary.json"
        var stays: [StayRow] = []
        var accounted: [Int: String] = [:]  // participant → where first seen

        // assignments.csv
        if let text = files.assignments {
            let table = Self.table(
                text, file: A, columns: ["participant_id", "host_id", "offer_id", "start", "end", "weeks", "rank"],
                report: report)
            var previousID: String?
            for (line, cell) in table {
                let pid = cell("participant_id"), oid = cell("offer_id")
                let loc = "line \(line) (\(pid))"
                if let prev = previousID, !prev.utf8.lexicographicallyPrecedes(pid.utf8), prev != pid {
                    report(A, loc, "order", "rows are not sorted by participant_id (\(pid) after \(prev))")
                }
                previousID = pid
                guard let pi = rules.participantByID[pid] else {
                    report(A, loc, "participant", "no participant \(pid) in the instance"); continue
                }
                let p = instance.participants[pi]
                if let seen = accounted[pi] {
                    report(A, loc, "one_stay", "\(pid) is placed more than once (also \(seen))")
                } else {
                    accounted[pi] = "assignments.csv line \(line)"
                }
                guard let oi = rules.offerByID[oid] else {
                    report(A, loc, "offer", "no offer \(oid) in the instance"); continue
                }
                let host = instance.hosts[rules.offers[oi].host]
                if cell("host_id") != host.id {
                    report(A, loc, "host", "offer \(oid) belongs to host \(host.id), not \(cell("host_id"))")
                }
                guard let start = Day(iso: cell("start")) else {
                    report(A, loc, "date", "start \"\(cell("start"))\" is not a date"); continue
                }
                if start.weekday != 0 { report(A, loc, "monday", "start \(start.iso) is not a Monday") }
                if Int(cell("weeks")) != p.weeks {
                    report(A, loc, "weeks", "weeks is \(cell("weeks")); \(pid) stays \(p.weeks) weeks")
                }
                let end = start.adding(days: 7 * p.weeks - 1)
                if Day(iso: cell("end")) != end {
                    report(
                        A, loc, "end",
                        "end is \(cell("end")); a stay of \(p.weeks) weeks from \(start.iso) ends on Sunday \(end.iso)")
                }
                if let f = rules.firstFailing(pi, oi, start: start) {
                    report(
                        A, loc, "candidate",
                        "\(pid) at \(oid) from \(start.iso) is not a candidate: filter \(Rules.filterNames[f.filter - 1]) (\(f.why))"
                    )
                }
                let rank = rules.rank(pi, oi)
                if Int(cell("rank")) != rank {
                    report(A, loc, "rank", "rank is \(cell("rank")); \(oid) ranks \(rank) for \(pid)")
                }
                let stay = StayRow(line: line, participant: pi, offer: oi, start: start, rank: rank)
                stays.append(stay)
                if rules.costs != nil {
                    checkCostRow(StayCost.csvColumns.map { cell($0) }, stay: stay, participant: pid, rules: rules) {
                        figures.append(Violation(file: A, location: $0, rule: $1, message: $2))
                    }
                }
            }
        } else {
            report(A, "", "missing", "the file is missing")
        }

        // Locks (rounds.md, section 1): each locked participant at the agreed stay, when there
        // is a solution (an infeasible round's locks are among what could not be kept).
        let solved = Self.hasSolution(files.summary)
        for lock in instance.locks where solved {
            guard let pi = rules.participantByID[lock.participant] else { continue }
            let agreed = "\(lock.target)" + (lock.start.map { " from \($0.iso)" } ?? "")
            guard let s = stays.first(where: { $0.participant == pi }) else {
                report(
                    A, "participant \(lock.participant)", "lock",
                    "\(lock.participant) is locked to \(agreed), but not placed")
                continue
            }
            let (hi, o) = rules.offers[s.offer]
            if !lock.admits(offer: o.id, host: instance.hosts[hi].id, monday: s.start) {
                report(
                    A, "line \(s.line) (\(lock.participant))", "lock",
                    "\(lock.participant) is locked to \(agreed), but stays at \(o.id) from \(s.start.iso)")
            }
        }

        // Groups (rounds.md, section 2), when there is a solution.
        if solved { checkGroups(stays, rules: rules) { report(A, $0, "group", $1) } }

        // Capacities: per offer and host per week, and offer totals.
        var offerWeek: [Int: [Int: [Int]]] = [:], hostWeek: [Int: [Int: [Int]]] = [:]
        var offerTotal: [Int: [Int]] = [:]
        for (k, s) in stays.enumerated() {
            offerTotal[s.offer, default: []].append(k)
            let w0 = rules.week(of: s.start)
            for w in w0..<(w0 + instance.participants[s.participant].weeks) {
                offerWeek[s.offer, default: [:]][w, default: []].append(k)
                hostWeek[rules.offers[s.offer].host, default: [:]][w, default: []].append(k)
            }
        }
        func who(_ ks: [Int]) -> String {
            ks.map { instance.participants[stays[$0].participant].id }.joined(separator: ", ")
        }
        func monday(_ w: Int) -> String { rules.weekZero.adding(days: 7 * w).iso }
        for oi in offerWeek.keys.sorted() {
            let o = rules.offers[oi].offer
            for w in offerWeek[oi]!.keys.sorted() where offerWeek[oi]![w]!.count > o.capacity {
                let ks = offerWeek[oi]![w]!
                report(
                    A, "offer \(o.id)", "capacity",
                    "\(ks.count) present in the week of \(monday(w)), capacity \(o.capacity): \(who(ks))")
            }
            if let t = o.total, offerTotal[oi]!.count > t {
                report(
                    A, "offer \(o.id)", "total", "\(offerTotal[oi]!.count) stays, total \(t): \(who(offerTotal[oi]!))")
            }
        }
        for hi in hostWeek.keys.sorted() {
            guard let cap = instance.hosts[hi].capacity else { continue }
            for w in hostWeek[hi]!.keys.sorted() where hostWeek[hi]![w]!.count > cap {
                let ks = hostWeek[hi]![w]!
                report(
                    A, "host \(instance.hosts[hi].id)", "host_capacity",
                    "\(ks.count) present in the week of \(monday(w)), capacity \(cap): \(who(ks))")
            }
        }

        // Quotas: every hard bound in every scope, when there is a solution
        // (an infeasible or timed-out round has no stays, and its quotas are
        // what could not be met).
        let quotas = QuotaFigure.all(rules: rules, placements: stays.map { ($0.participant, $0.offer) })
        for q in quotas where q.soft == nil && !q.holds && solved {
            report(
                A, "quota \(q.name)", "quota",
                "\(q.bound.name) \(Self.number(q.bound.limit))\(q.scopeText) is broken: \(q.g) of \(q.p) placements are who (\(q.nWho) of \(q.nAll) participants); short by \(Self.number(-q.slack))"
            )
        }

        // unplaced.csv
        var unplacedCounts: [String: Int] = [:]
        // Members per group id, for the reason `group` (Instance.travelGroups, worked out once).
        let membersOfGroup = Dictionary(
            uniqueKeysWithValues: instance.travelGroups.map { ($0.group.id, $0.members.count) })
        if let text = files.unplaced {
            let table = Self.table(text, file: U, columns: ["participant_id", "reason", "detail"], report: report)
            for (line, cell) in table {
                let pid = cell("participant_id"), reason = cell("reason")
                let loc = "line \(line) (\(pid))"
                guard let pi = rules.participantByID[pid] else {
                    report(U, loc, "participant", "no participant \(pid) in the instance"); continue
                }
                if let seen = accounted[pi] {
                    report(U, loc, "one_row", "\(pid) is listed more than once (also \(seen))"); continue
                }
                accounted[pi] = "unplaced.csv line \(line)"
                let (example, deepest) = rules.candidateOrDeepest(pi)
                switch reason {
                case "no_candidate":
                    let filter = String(
                        cell("detail").split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    )
                    .trimmedSpaces
                    unplacedCounts["no_candidate:" + filter, default: 0] += 1
                    if let (oi, s) = example {
                        report(
                            U, loc, "no_candidate",
                            "\(pid) has candidates, e.g. \(rules.offers[oi].offer.id) from \(s.iso)")
                    } else if filter != Rules.filterNames[deepest - 1] {
                        report(
                            U, loc, "no_candidate",
                            "the filter named is \"\(filter)\"; the last pair fell away at \(Rules.filterNames[deepest - 1])"
                        )
                    }
                case "not_solved":
                    unplacedCounts[reason, default: 0] += 1
                    if example == nil {
                        report(
                            U, loc, "reason",
                            "\(pid) has no candidate (filter \(Rules.filterNames[deepest - 1])); the reason should be no_candidate"
                        )
                    }
                    if !stays.isEmpty {
                        report(U, loc, "reason", "\(pid) is marked not_solved, but assignments.csv holds a solution")
                    }
                case "group":
                    unplacedCounts[reason, default: 0] += 1
                    let group = instance.participants[pi].group
                    if group.map({ (membersOfGroup[$0] ?? 0) < 2 }) ?? true {
                        report(
                            U, loc, "reason", "\(pid) travels in no group of two or more; the reason cannot be group")
                    } else if example == nil {
                        report(
                            U, loc, "reason",
                            "\(pid) has no candidate of its own (filter \(Rules.filterNames[deepest - 1])); the reason should be no_candidate"
                        )
                    }
                case "capacity", "quota":
                    unplacedCounts[reason, default: 0] += 1
                    if example == nil {
                        report(
                            U, loc, "reason",
                            "\(pid) has no candidate (filter \(Rules.filterNames[deepest - 1])); the reason should be no_candidate"
                        )
                    }
                default:
                    report(
                        U, loc, "reason",
                        "unknown reason \"\(reason)\" (expected no_candidate, capacity, quota, group or not_solved)")
                }
            }
        } else {
            notes.append(
                "no unplaced.csv: the participants not in assignments.csv count as unplaced; reasons not checked")
        }
        for (pi, p) in instance.participants.enumerated()
        where accounted[pi] == nil && files.assignments != nil && files.unplaced != nil {
            report(U, "participant \(p.id)", "accounted", "\(p.id) is neither in assignments.csv nor in unplaced.csv")
        }

        // What the placed groups' companions cost: one figure for the money and the cost level.
        let companions = companionCosts(stays, rules: rules)
        checkMoney(
            stays: stays, rules: rules, companions: companions,
            summary: files.summary.flatMap { try? JSONValue.parse(Array($0.utf8)).value }, solved: solved,
            rule: { report(A, $0, $1, $2) },
            figure: { figures.append(Violation(file: S, location: $0, rule: $1, message: $2)) })

        // summary.json: its figures, apart from the rules.
        if let text = files.summary {
            checkSummary(
                text, rules: rules, stays: stays, companions: companions, quotas: quotas,
                unplacedCounts: unplacedCounts,
                haveUnplaced: files.unplaced != nil
            ) { figures.append(Violation(file: S, location: $0, rule: $1, message: $2)) }
        } else {
            notes.append("no summary.json: the stays were judged alone, no figures compared")
        }
        return VerificationReport(stays: stays.count, violations: out, figures: figures, notes: notes)
    }

    // MARK: reading

    /// Rows of a results CSV with the text cells unescaped, by column name.
    static func table(
        _ text: String, file: String, columns: [String],
        report: (String, String, String, String) -> Void
    ) -> [(line: Int, cell: (String) -> String)] {
        let (records, errors) = CSVRecords.parse(Array(text.utf8))
        for e in errors { report(file, "line \(e.line)", "syntax", e.message) }
        guard let header = records.first else { report(file, "line 1", "header", "the file is empty"); return [] }
        var index: [String: Int] = [:]
        for (i, name) in header.cells.enumerated() { index[name] = i }
        let missing = columns.filter { index[$0] == nil }
        if !missing.isEmpty {
            report(file, "line \(header.line)", "header", "missing column(s) \(missing.joined(separator: ", "))");
            return []
        }
        let textColumns: Set<String> = ["participant_id", "host_id", "offer_id", "detail"]
        var rows: [(Int, (String) -> String)] = []
        for r in records.dropFirst() {
            guard r.cells.count == header.cells.count else {
                report(file, "line \(r.line)", "syntax", "\(r.cells.count) cells; the header has \(header.cells.count)")
                continue
            }
            let cells = r.cells
            rows.append(
                (
                    r.line,
                    { name in
                        guard let i = index[name] else { return "" }
                        return textColumns.contains(name) && !cells[i].isEmpty
                            ? SpreadsheetText.unescape(cells[i]) : cells[i]
                    }
                ))
        }
        return rows
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmedSpaces: String {
        String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
