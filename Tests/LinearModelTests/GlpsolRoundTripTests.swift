import Foundation
import LinearModel
import Testing

/// Writes models as CPLEX-LP and free MPS, solves the files with glpsol (a
/// separate process) and compares its optimum with the known one. glpsol is
/// required: the project's scripts install it (package glpk-utils).
@Suite(.serialized)
struct GlpsolRoundTripTests {
    static let glpsol = "/usr/bin/glpsol"

    /// Runs glpsol on `text` and returns the objective from its `-o` report.
    static func solveWithGlpsol(_ text: String, format: String) throws -> (status: String, objective: Double) {
        try #require(
            FileManager.default.isExecutableFile(atPath: glpsol),
            "glpsol not found at \(glpsol): install glpk-utils (apt-get install glpk-utils; the project's setup scripts do this)"
        )
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("allvet-glpsol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("model." + (format == "--lp" ? "lp" : "mps"))
        let report = dir.appendingPathComponent("report.txt")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = [format, input.path, "-o", report.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "glpsol failed:\n\(log)")
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
        let status =
            lines.first { $0.hasPrefix("Status:") }.map { $0.dropFirst(7).trimmingCharacters(in: .whitespaces) } ?? "?"
        // "Objective:  obj = 21.5 (MAXimum)"
        let objectiveLine = try #require(
            lines.first { $0.hasPrefix("Objective:") }, "no objective in glpsol's report:\n\(log)")
        let value = objectiveLine.split(separator: "=")[1].split(separator: " ")[0]
        return (status, try #require(Double(value)))
    }

    @Test func cplexLPFeatures() throws {
        let r = try Self.solveWithGlpsol(WriterFixtures.features().cplexLP(), format: "--lp")
        #expect(r.status == "INTEGER OPTIMAL")
        #expect(abs(r.objective - WriterFixtures.featuresOptimum) < 1e-9)
    }

    /// The model is maximised, so the MPS file minimises the negated objective.
    @Test func freeMPSFeatures() throws {
        let r = try Self.solveWithGlpsol(WriterFixtures.features().freeMPS(), format: "--freemps")
        #expect(r.status == "INTEGER OPTIMAL")
        #expect(abs(r.objective + WriterFixtures.featuresOptimum) < 1e-9)
    }

    @Test func tinyBothFormats() throws {
        let m = WriterFixtures.tiny()
        #expect(try Self.solveWithGlpsol(m.cplexLP(), format: "--lp").objective == 1)
        #expect(try Self.solveWithGlpsol(m.freeMPS(), format: "--freemps").objective == 1)
    }

    /// glpsol's LP reader needs a constraint and an objective term: models without rows (or
    /// columns, as for a round in which nobody has a candidate) get a placeholder row.
    @Test func modelsWithoutRowsOrColumns() throws {
        let empty = LinearModel(name: "empty", sense: .maximize)
        #expect(try Self.solveWithGlpsol(empty.cplexLP(), format: "--lp").objective == 0)
        #expect(try Self.solveWithGlpsol(empty.freeMPS(), format: "--freemps").objective == 0)
        var noRows = LinearModel(name: "no-rows", sense: .maximize)
        _ = noRows.addColumn(Column(name: "x", lower: 0, upper: 1, isInteger: true, objective: 3))
        _ = noRows.addColumn(Column(name: "y", lower: 0, upper: 2, objective: 1))
        #expect(try Self.solveWithGlpsol(noRows.cplexLP(), format: "--lp").objective == 5)
        #expect(try Self.solveWithGlpsol(noRows.freeMPS(), format: "--freemps").objective == -5)
    }
}
