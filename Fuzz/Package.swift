// swift-tools-version: 6.1
//
// allvet's fuzz targets (docs/reliability.md): a nested package, so that a
// plain `swift build` or `swift test` of the library never sees libFuzzer. It
// depends on the root package by path, like Benchmarks/.
//
// Each executable is a libFuzzer target: `LLVMFuzzerTestOneInput`, and a
// `<Target>_main` (the entry point SwiftPM links an executable module to)
// that hands it to libFuzzer's driver. Build and run them with
// scripts/fuzz.sh, which passes
//   -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// (a plain `swift build` here fails to link: without -sanitize=fuzzer there
// is no libFuzzer).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (the checkout may be
// `allvet`, a worktree or CI's folder), not the manifest's `name`.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let allvet = root.lastPathComponent.lowercased()

/// One executable per reader: InstanceJSONFuzz, PolicyJSONFuzz, InstanceCSVFuzz, VerifyFuzz.
let fuzzTargets = ["InstanceJSONFuzz", "PolicyJSONFuzz", "InstanceCSVFuzz", "VerifyFuzz"]

let package = Package(
    name: "allvet-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        // What the targets share: the repository's files, the split of one input into files, the oracle.
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "AllVETCore", package: allvet)]),
    ] + fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "AllVETCore", package: allvet)])
    }
)
