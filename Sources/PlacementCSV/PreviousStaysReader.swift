import Foundation
import PlacementModel

/// Reads the stays of an earlier round's results (`solve --previous`,
/// rounds.md section 3): the `assignments.csv` of a results folder (the
/// folder, or the file itself), as allvet or another tool wrote it.
///
/// Needs the columns `participant_id`, `offer_id` and `start`; `host_id`
/// is read when present (the `keep: host` mode compares hosts as the
/// earlier results named them). Every bad row is an error with its line;
/// whether the participants and offers are still in the round is not an
/// error here: that is what re-planning is about.
public enum PreviousStaysReader {
    public static func read(_ path: String) throws(InputError) -> [PreviousStay] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let file = isFolder.boolValue ? InstanceCSVReader.join(path, "assignments.csv") : path
        guard exists, let data = FileManager.default.contents(atPath: file) else {
            throw InputError([
                Diagnostic(
                    .error, file: file, location: "",
                    message:
                        "The earlier results cannot be read; --previous expects a results folder of an earlier "
                        + "solve (with assignments.csv) or its assignments.csv.")
            ])
        }
        let (records, errors) = CSVRecords.parse([UInt8](data))
        var problems = errors.map { Diagnostic(.error, file: file, location: "line \($0.line)", message: $0.message) }
        guard let header = records.first?.cells.map({ trimmedSpaces($0) }),
            let pc = header.firstIndex(of: "participant_id"), let oc = header.firstIndex(of: "offer_id"),
            let sc = header.firstIndex(of: "start")
        else {
            throw InputError(
                problems + [
                    Diagnostic(
                        .error, file: file, location: "line 1",
                        message: "Expected the columns participant_id, offer_id and start (as allvet writes them).")
                ])
        }
        let hc = header.firstIndex(of: "host_id")
        var out: [PreviousStay] = []
        for r in records.dropFirst() {
            if r.cells.allSatisfy({ trimmedSpaces($0).isEmpty }) { continue }
            func cell(_ i: Int) -> String {
                i < r.cells.count ? SpreadsheetText.unescape(trimmedSpaces(r.cells[i])) : ""
            }
            let pid = cell(pc), oid = cell(oc), startText = cell(sc)
            guard !pid.isEmpty, !oid.isEmpty else {
                problems.append(
                    Diagnostic(
                        .error, file: file, location: "line \(r.line)",
                        message: "A stay needs a participant_id and an offer_id; this row lacks one."))
                continue
            }
            guard let start = Day(iso: startText), start.weekday == 0 else {
                problems.append(
                    Diagnostic(
                        .error, file: file, location: "line \(r.line), column \"start\"",
                        message: "Expected the start Monday as YYYY-MM-DD, found \"\(startText)\"."))
                continue
            }
            out.append(PreviousStay(participant: pid, offer: oid, host: hc.map(cell) ?? "", start: start))
        }
        if !problems.isEmpty { throw InputError(problems) }
        return out
    }
}
