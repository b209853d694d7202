import Foundation
import PlacementCSV
import PlacementEngine
import PlacementFormulation
import PlacementModel

/// A results folder read back into ``ResultFiles`` with its round, without
/// solving (`allvet report`): the stays of `assignments.csv`, the levels,
/// status and rule prices of `summary.json`. Everything else (figures,
/// reasons) is computed again from those, as `solve` computed it.
public enum ResultsReload {
    /// Why a folder cannot be rendered again.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The round and policy a folder was solved from, as its `summary.json`
    /// `inputs` names them; the folder's own `policy.json` (a sweep
    /// scenario's) comes first.
    public static func inputs(folder: String) throws(Failure) -> (instance: String?, policy: String?) {
        let summary = try read(folder, "summary.json")
        var policy: String? = nil
        if case .string(let p)? = summary["inputs"]?["policy"]?.content { policy = p }
        let own = URL(fileURLWithPath: folder).appendingPathComponent("policy.json").path
        if FileManager.default.fileExists(atPath: own) { policy = own }
        var instance: String? = nil
        if case .string(let i)? = summary["inputs"]?["instance"]?.content { instance = i }
        return (instance, policy)
    }

    /// The files of the results in `folder`, for `input` (which must be the
    /// round and policy they were solved from: the input hash is compared).
    public static func files(folder: String, input: LoadedInput) throws(Failure) -> ResultFiles {
        let summary = try read(folder, "summary.json")
        if case .string(let hash)? = summary["input_hash"]?.content, hash != input.hash {
            throw Failure(
                description:
                    "\(folder) was solved from another round or policy than the ones given (input hash \(hash.prefix(19))…, "
                    + "these give \(input.hash.prefix(19))…); give the files it was solved from (--round, --policy).")
        }
        let instance = input.instance, policy = input.policy
        let candidates = CandidateSet(instance: instance, policy: policy)
        let chosen = try stays(folder, instance: instance, candidates: candidates)
        var status = RoundStatus.timeLimit
        if case .string(let s)? = summary["status"]?.content, let st = RoundStatus(rawValue: s) { status = st }
        var levels: [LevelOutcome] = []
        if case .array(let entries)? = summary["levels"]?.content {
            for (i, e) in entries.enumerated() where i < policy.objective.count {
                var st = LevelOutcome.Status.notSolved
                if case .string(let s)? = e["status"]?.content, let x = LevelOutcome.Status(rawValue: s) { st = x }
                levels.append(
                    LevelOutcome(
                        goal: policy.objective[i], status: st, value: e["value"]?.numberValue,
                        bound: e["bound"]?.numberValue,
                        termination: nil, seconds: 0, nodes: 0))
            }
        }
        var interrupted = false
        if case .bool(true)? = summary["interrupted"]?.content { interrupted = true }
        let result = RoundResult(
            instance: instance, policy: policy, candidates: candidates, status: status, levels: levels,
            chosen: chosen, buildSeconds: 0, solverName: "", interrupted: interrupted)
        var files = ResultFiles(result: result, inputHash: input.hash)
        files.prices = prices(summary, policy: policy)
        return files
    }

    static func read(_ folder: String, _ name: String) throws(Failure) -> JSONValue {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path),
            let v = try? JSONValue.parse([UInt8](data)).value
        else { throw Failure(description: "\(path): missing or not JSON; is \(folder) a results folder of allvet's?") }
        return v
    }

    /// The earlier results a re-planned folder names (`summary.json`
    /// `inputs.previous`), when that path still exists.
    public static func previousInput(folder: String) -> String? {
        guard let summary = try? read(folder, "summary.json"),
            case .string(let p)? = summary["inputs"]?["previous"]?.content, FileManager.default.fileExists(atPath: p)
        else { return nil }
        return p
    }

    /// The funding file a results folder names (`summary.json`
    /// `inputs.funding`), when that path still exists.
    public static func fundingInput(folder: String) -> String? {
        guard let summary = try? read(folder, "summary.json"),
            case .string(let p)? = summary["inputs"]?["funding"]?.content, FileManager.default.fileExists(atPath: p)
        else { return nil }
        return p
    }

    /// The candidate stay of each row of `assignments.csv`.
    static func stays(_ folder: String, instance: Instance, candidates: CandidateSet) throws(Failure) -> [Int] {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("assignments.csv").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): missing; is \(folder) a results folder of allvet's?")
        }
        let (records, errors) = CSVRecords.parse([UInt8](data))
        if let e = errors.first { throw Failure(description: "\(path): line \(e.line): \(e.message)") }
        guard let header = records.first?.cells.map({ trimmedSpaces($0) }),
            let pc = header.firstIndex(of: "participant_id"), let oc = header.firstIndex(of: "offer_id"),
            let sc = header.firstIndex(of: "start")
        else { throw Failure(description: "\(path): expected the columns participant_id, offer_id and start") }
        var participantIndex: [String: Int] = [:]
        for (i, p) in instance.participants.enumerated() { participantIndex[p.id] = i }
        var chosen: [Int] = []
        for r in records.dropFirst() where r.cells.count > max(pc, oc, sc) {
            let pid = SpreadsheetText.unescape(r.cells[pc]), oid = SpreadsheetText.unescape(r.cells[oc])
            guard let pi = participantIndex[pid], let start = Day(iso: trimmedSpaces(r.cells[sc])),
                let k = candidates.stayRange(of: ParticipantIndex(pi)).first(where: {
                    let s = candidates.stays[$0]
                    return candidates.offers[s.offer.rawValue].offer.id == oid
                        && candidates.monday(ofWeek: s.start) == start
                })
            else {
                throw Failure(
                    description:
                        "\(path): line \(r.line): \(pid) at \(oid) from \(r.cells[sc]) is no stay of this round; "
                        + "check it with allvet verify")
            }
            chosen.append(k)
        }
        return chosen
    }

    /// Rule prices by rule name from `quotas[].price`.
    static func prices(_ summary: JSONValue, policy: Policy) -> [RulePrice] {
        guard case .array(let rows)? = summary["quotas"]?.content else { return [] }
        var out: [RulePrice] = []
        for row in rows {
            guard case .string(let name)? = row["name"]?.content,
                case .string(let c)? = row["price_certainty"]?.content,
                let certainty = RulePrice.Certainty(rawValue: c),
                let qi = policy.quotas.firstIndex(where: { $0.name == name }), !out.contains(where: { $0.quota == qi })
            else { continue }
            out.append(
                RulePrice(quota: qi, name: name, price: row["price"]?.numberValue, certainty: certainty, without: nil))
        }
        return out
    }
}
