// swift-tools-version: 6.1
//
// allvet's benchmarks (docs/benchmarks.md): a nested package, so the library
// never depends on ordo-one/benchmark. It depends on the root package by path.
//
//   swift package --package-path Benchmarks benchmark            # run, print the table
//   bash scripts/bench.sh                                        # run and check the thresholds
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (the checkout may be
// `allvet`, a worktree or CI's folder), not the manifest's `name`.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let allvet = root.lastPathComponent.lowercased()

let benchmarks = ["Reading", "Candidates", "ModelBuilding", "Solving"]

let package = Package(
    name: "allvet-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        // MallocInterposer only: the RuntimeInterposer trait (ARC counts on Linux 6.3) is not needed here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The ladder of rounds and the exact recording of deterministic metrics, shared by the benchmarks.
        .target(
            name: "BenchmarkRounds",
            dependencies: [
                .product(name: "AllVET", package: allvet),
                .product(name: "Benchmark", package: "benchmark"),
            ]
        )
    ]
        + benchmarks.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "BenchmarkRounds",
                    .product(name: "AllVET", package: allvet),
                    .product(name: "Benchmark", package: "benchmark"),
                ],
                path: "Benchmarks/\(name)",
                plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
            )
        }
)
