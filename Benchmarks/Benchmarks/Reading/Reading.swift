// Reading rounds: the shared benchmark rounds as they are on disk, and the
// generated rounds written to a temporary file first (InstanceJSONWriter).
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
                path = FileManager.default.temporaryDirectory.appendingPathComponent("allvet-bench-\(rung.name).json").path
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
}
