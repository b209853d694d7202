// Reading rounds: the shared benchmark rounds as they are on disk, and the
// generated rounds written to a temporary file first (InstanceJSONWriter);
// and a 10,000-participant round as a workbook and as a CSV folder
// (issue 13: a workbook that size is read in at most 2 s; docs/inputs.md).
import AllVET
import Benchmark
import BenchmarkRounds
import Foundation

let benchmarks: @Sendable () -> Void = {
    for rung in Rung.building {
        Benchmark(
            rung.name,
            configuration: .init(
                metrics: [.wallClock, reported("participants"), reported("offers"), reported("kilobytes")],
                warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 20
            )
        ) { benchmark in
            // The file to read: the shared one, or the round written once to a temporary file.
            let path: String
            if let shared = rung.sharedPath {
                path = shared
            } else {
                // Written afresh (untimed) so a changed generator is never read from a stale file.
                path =
                    FileManager.default.temporaryDirectory.appendingPathComponent("allvet-bench-\(rung.name).json").path
                let round = try rung.load()
                try InstanceJSONWriter.write(round.instance).write(toFile: path, atomically: true, encoding: .utf8)
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            benchmark.startMeasurement()
            var instance: Instance? = nil
            for _ in benchmark.scaledIterations {
                instance = try InstanceJSONReader.read(path: path).0
            }
            benchmark.stopMeasurement()
            blackHole(instance)
            guard let instance else { return }
            benchmark.report("participants", instance.participants.count)
            benchmark.report("offers", instance.hosts.reduce(0) { $0 + $1.offers.count })
            benchmark.report("kilobytes", size / 1024)
        }
    }
    for form in ["xlsx", "csv"] {
        Benchmark(
            "\(form)-generated-10000x2500",
            configuration: .init(
                metrics: [.wallClock, reported("participants"), reported("kilobytes")],
                warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 3
            )
        ) { benchmark in
            // Written afresh (untimed) by allvet's own writers, from the generator's round.
            let instance = InstanceFiles.generated(participants: 10_000, hosts: 2_500, seed: 1)
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("allvet-bench-10000")
            let path: String
            if form == "xlsx" {
                path = base.path + ".xlsx"
                try Data(try InstanceFiles.xlsx(instance)).write(to: URL(fileURLWithPath: path))
            } else {
                path = base.path
                try? FileManager.default.removeItem(atPath: path)
                try InstanceCSVWriter.write(instance, to: path)
            }
            let files =
                form == "xlsx" ? [path] : ["participants.csv", "hosts.csv", "offers.csv"].map { path + "/" + $0 }
            let size = files.reduce(0) {
                $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
            }
            benchmark.startMeasurement()
            var read: Instance? = nil
            for _ in benchmark.scaledIterations {
                read =
                    try form == "xlsx" ? InstanceXLSXReader.read(path: path).0 : InstanceCSVReader.read(folder: path).0
            }
            benchmark.stopMeasurement()
            blackHole(read)
            benchmark.report("participants", read?.participants.count ?? 0)
            benchmark.report("kilobytes", size / 1024)
        }
    }
}
