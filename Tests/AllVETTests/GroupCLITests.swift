import AllVET
import Foundation
import Testing

@testable import PlacementXLSX

/// Groups travelling together (issue 12, rounds.md section 2), as a
/// coordinator runs them: the rounds example keeps its class together and
/// prices its teacher; verify catches a group split by hand; a group that
/// cannot go together is explained; and the input errors of groups.
@Suite struct GroupCLITests {
    static let dir = "instances/rounds/"
    static let round = dir + "rounds-example.json", policy = dir + "rounds-example-policy.json"
    static let funding = dir + "rounds-example-funding.json"

    func solveExample() throws -> URL {
        let out = try CLI.tempDir().appendingPathComponent("groups")
        let r = try CLI.run([
            "solve", Self.round, "--policy", Self.policy, "--funding", Self.funding, "--out", out.path, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    /// The class CYL-VA-2A (ES-003, ES-004, one teacher, `together: city`)
    /// goes to Lisboa on one Monday, at two hosts. Its companion is priced
    /// as staff from ES-003's (the first member's) sending organisation,
    /// CYL-VALLADOLID, to ES-003's host PT-LISBOA-HOTEL, for the group's 4
    /// weeks, standard travel: 496 km is in 100–499 → 211; days 28 + 2 =
    /// 30 at PT's staff rate 169: 14 × 169 + 16 × 169 × 0.7 = 2,366 +
    /// 1,892.80 = 4,258.80; no organisational or inclusion support:
    /// 211 + 4,258.80 = 4,469.80. The stays cost 30,166.60 (each worked out
    /// in ``FundingCLITests/byHand``), so the round costs 34,636.40.
    @Test func theExampleClassGoesTogetherAndItsTeacherIsPriced() throws {
        let out = try solveExample()
        let rows = try readCSV(out.appendingPathComponent("assignments.csv"))
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["participant_id"]!, $0) })
        let es3 = try #require(byID["ES-003"]), es4 = try #require(byID["ES-004"])
        #expect(es3["start"] == es4["start"])
        #expect(es3["host_id"]!.hasPrefix("PT-LISBOA-") && es4["host_id"]!.hasPrefix("PT-LISBOA-"))
        for row in rows {
            let id = row["participant_id"]!
            let expected = try #require(FundingCLITests.byHand[id], "\(id) placed")
            #expect(
                ["distance_km", "travel", "individual", "organisational", "inclusion", "cost"].map { row[$0]! }
                    == expected, "\(id)")
        }
        let companions = try String(contentsOf: out.appendingPathComponent("companions.csv"), encoding: .utf8)
        #expect(
            companions
                == "group_id,companions,first_member,sending_org,host_id,distance_km,travel,individual,cost,total\n"
                + "CYL-VA-2A,1,ES-003,CYL-VALLADOLID,PT-LISBOA-HOTEL,496,211.00,4258.80,4469.80,4469.80\n")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"total\": 34636.40"))
        #expect(summary.contains("\"companions\": 4469.80"))
        let verify = try CLI.run(["verify", Self.round, out.path, "--policy", Self.policy])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// `results.xlsx` has a sheet `companions`, the rows of companions.csv,
    /// its money as numbers (a coordinator sums them in the spreadsheet).
    @Test func theWorkbookHasTheCompanions() throws {
        let out = try CLI.tempDir().appendingPathComponent("groups")
        let r = try CLI.run([
            "solve", Self.round, "--policy", Self.policy, "--funding", Self.funding, "--out", out.path, "--quiet",
            "--xlsx",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent("results.xlsx")))
        let workbook = try InstanceXLSXReader.sheets(bytes: bytes)
        #expect(workbook.map(\.name) == ["assignments", "unplaced", "companions"])
        let text = try String(contentsOf: out.appendingPathComponent("companions.csv"), encoding: .utf8)
        let csvRows = try #require(CSVParser.rows(ofWritten: text))
        #expect(csvRows.count == 2, "a header and the class's teacher")
        let sheet = try #require(workbook.last?.rows)
        #expect(sheet.first == csvRows.first)
        // Money as number cells: a reader shows 211.00 as 211, so values are compared as numbers.
        let money = Set(["distance_km", "travel", "individual", "cost", "total", "companions"])
        for (row, csv) in zip(sheet.dropFirst(), csvRows.dropFirst()) {
            #expect(row.count == csv.count)
            for (name, (cell, expected)) in zip(csvRows[0], zip(row, csv)) {
                #expect(money.contains(name) ? Double(cell) == Double(expected) : cell == expected, "\(name)")
            }
        }
        // A reader shows the number cell 211.00 as 211 (a text cell keeps 211.00); every money
        // column and the count are number cells.
        #expect(sheet.last?[6] == "211")
        for (name, cell) in zip(csvRows[0], csvRows[1]) where money.contains(name) {
            #expect(ResultsXLSX.typed(cell, column: name) == .number(cell), "\(name)")
        }
    }

    @Test func verifyCatchesAGroupSplitByHand() throws {
        let out = try solveExample()
        let path = out.appendingPathComponent("assignments.csv")
        let text = try String(contentsOf: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines.firstIndex { $0.hasPrefix("ES-004,") })
        // A week later, or earlier when that would end after 2026-07-26 (the last day of ES-004
        // and of every offer it may take): still within their dates, so only the group rule breaks.
        var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let (start, end) = (try #require(Day(iso: fields[3])), try #require(Day(iso: fields[4])))
        let shift = end.adding(days: 7) <= Day(iso: "2026-07-26")! ? 7 : -7
        (fields[3], fields[4]) = (start.adding(days: shift).iso, end.adding(days: shift).iso)
        var edited = lines
        edited[i] = fields.joined(separator: ",")
        #expect(edited[i] != lines[i])
        try edited.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        let verify = try CLI.run(["verify", Self.round, out.path, "--policy", Self.policy])
        #expect(verify.status == 4, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("group CYL-VA-2A: [group] the members start on different Mondays"))
    }

    static func round(together: String, hostB: String) -> String {
        """
        {"format": "allvet-instance/1", "participants": [
          {"id": "ES-001", "country": "ES", "sector": "tourism", "languages": {}, "group": "class",
           "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 4},
          {"id": "ES-002", "country": "ES", "sector": "tourism", "languages": {}, "group": "class",
           "available_from": "2026-03-02", "available_to": "2026-06-28", "weeks": 4}],
         "hosts": [
          {"id": "PT-A", "country": "PT", "city": "Lisboa", "offers": [
            {"id": "PT-A/o", "sectors": ["tourism"], "from": "2026-03-02", "to": "2026-06-28", "capacity": 2}]},
          {"id": "\(hostB)", "country": "PT", "city": "Porto", "offers": [
            {"id": "\(hostB)/o", "sectors": ["tourism"], "from": "2026-03-02", "to": "2026-06-28", "capacity": 2}]}],
         "bans": [{"participant": "ES-002", "host": "PT-A"}],
         "groups": [{"id": "class", "together": "\(together)"}]}
        """
    }

    /// ES-002 may not go to PT-A, ES-001 could go to either: with the class
    /// in one city, only Porto; at one host, only PT-B. With ES-001 also
    /// banned from PT-B, they share nothing, and both are unplaced with
    /// the reason group, though each has a stay of its own.
    @Test func aGroupThatCannotGoTogetherIsExplained() throws {
        let dir = try CLI.tempDir()
        let path = dir.appendingPathComponent("round.json")
        var text = Self.round(together: "host", hostB: "PT-B")
        let out = dir.appendingPathComponent("r")
        try text.write(to: path, atomically: true, encoding: .utf8)
        var r = try CLI.run(["solve", path.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try readCSV(out.appendingPathComponent("assignments.csv")).map { $0["host_id"]! } == ["PT-B", "PT-B"])
        var check = try CLI.run(["check", path.path])
        #expect(check.status == 0 && check.stdout.contains("groups travelling together: 1\n"), "\(check.stdout)")
        #expect(!check.stdout.contains("none can go"))

        text = text.replacingOccurrences(
            of: #""bans": [{"participant": "ES-002", "host": "PT-A"}]"#,
            with: #""bans": [{"participant": "ES-002", "host": "PT-A"}, {"participant": "ES-001", "host": "PT-B"}]"#)
        try text.write(to: path, atomically: true, encoding: .utf8)
        r = try CLI.run(["solve", path.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let unplaced = try readCSV(out.appendingPathComponent("unplaced.csv"))
        #expect(unplaced.map { $0["reason"]! } == ["group", "group"])
        #expect(
            unplaced.first?["detail"]
                == "group class (2 members) could not be placed together: its members have no host and start week "
                + "in common where each has a candidate stay")
        let verify = try CLI.run(["verify", path.path, out.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // `check` says so before any solve.
        check = try CLI.run(["check", path.path])
        #expect(
            check.stdout.contains(
                "  whose members have no city (or host) and start week in common, so none can go: 1 (class)"),
            "\(check.stdout)")
    }

    /// A hard quota of one a country at a host keeps the class of two out
    /// wherever it goes: the reason names the rule (Groups+Quotas.swift),
    /// not a place where "a stay would fit".
    @Test func aGroupAQuotaKeepsOutIsExplainedByTheQuota() throws {
        let dir = try CLI.tempDir()
        let path = dir.appendingPathComponent("round.json"), policy = dir.appendingPathComponent("policy.json")
        try Self.round(together: "host", hostB: "PT-B").write(to: path, atomically: true, encoding: .utf8)
        try """
        {"format": "allvet-policy/1", "objective": [{"goal": "placed"}, {"goal": "rank"}],
         "quotas": [{"name": "one-per-host", "within": ["host", "country"], "max_count": 1}]}
        """.write(to: policy, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("r")
        let r = try CLI.run(["solve", path.path, "--policy", policy.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let unplaced = try readCSV(out.appendingPathComponent("unplaced.csv"))
        #expect(unplaced.map { $0["reason"]! } == ["group", "group"])
        #expect(
            unplaced.first?["detail"]
                == "group class (2 members) could not be placed together: the hard quota one-per-host allows at most 1 "
                + "within host, country, and 2 members (country ES) would count together at one host")
        let verify = try CLI.run(["verify", path.path, out.path, "--policy", policy.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // `check` says so before any solve, with the policy; without it, no rule keeps the class out.
        let check = try CLI.run(["check", path.path, "--policy", policy.path])
        #expect(
            check.stdout.contains(
                "  that a hard quota or the room of every place keeps out, so none can go: 1 (class)\n"))
        #expect(try !CLI.run(["check", path.path]).stdout.contains("keeps out"))
    }

    @Test func membersOfDifferentLengthsAndUnnamedGroupsAreInputErrors() throws {
        let dir = try CLI.tempDir()
        let path = dir.appendingPathComponent("round.json")
        let text = Self.round(together: "city", hostB: "PT-B")
            .replacingOccurrences(of: #""weeks": 4},"#, with: #""weeks": 6},"#)
            .replacingOccurrences(
                of: #"{"id": "class", "together": "city"}"#,
                with: #"{"id": "class", "together": "city"}, {"id": "nobody", "companions": 2}"#)
        try text.write(to: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["solve", path.path, "--out", dir.appendingPathComponent("r").path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "$.participants[1].weeks: error: the members of group \"class\" must stay the same number of weeks; "
                    + "they have ES-001 (6), ES-002 (4) weeks"))
        #expect(r.stderr.contains("$.groups[1]: error: no participant names group \"nobody\""))
    }
}
