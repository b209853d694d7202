// swift-tools-version: 6.1
//
// allvet: optimal placement of VET learners and staff with host companies abroad.
//
// Layers, with dependencies pointing one way only (docs/model.md, "Layers"):
//   CGLPK (system library) <- GLPKSolver (the only target touching GLPK's C API)
//   LinearModel (solver-neutral model, the solve budget, no GLPK)
//   PlacementModel (domain values, readers) <- PlacementCSV <- PlacementXLSX (workbooks) ; PlacementFormulation (candidates, scopes, models, drivers, elastic model)
//   PlacementModel + PlacementCSV <- PlacementVerify (independent results check; never sees the formulation)
//   PlacementEngine (one solve of a round) <- PlacementResults (figures, reasons, files, the staged write, input loading)
//   PlacementResults <- PlacementSweeps (sweep files, scenario processes, comparison) <- PlacementReports (HTML, Mustache templates)
//   AllVET (thin facade: re-exports, the one publisher) <- allvet (command line: argument parsing only)
import PackageDescription

let package = Package(
    name: "allvet",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AllVET", targets: ["AllVET"]),
        // The domain, its readers, the formulation and the verifier without GLPK or swift-crypto:
        // what the fuzz targets (Fuzz/, a nested package) link, so that they build in minutes.
        .library(
            name: "AllVETCore",
            targets: ["PlacementModel", "PlacementCSV", "PlacementVerify", "PlacementFormulation", "LinearModel"]),
        .executable(name: "allvet", targets: ["allvet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Only for `swift package generate-documentation` (the DocC catalog in Sources/AllVET/AllVET.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Templates that escape every value by default, for the HTML reports only (docs/reports.md).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Workbooks (.xlsx) are ZIP archives: reading and writing them (docs/inputs.md, "Workbooks").
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only: property tests (Tests/AllVETTests/PropertyTests.swift).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "LinearModel"),
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearModel"]),
        .target(name: "PlacementModel"),
        .target(name: "PlacementFormulation", dependencies: ["PlacementModel", "LinearModel"]),
        .target(name: "PlacementCSV", dependencies: ["PlacementModel"]),
        // Rounds and results as workbooks (.xlsx): ZIP through ZIPFoundation, XML through Foundation's XMLParser.
        .target(
            name: "PlacementXLSX",
            dependencies: ["PlacementModel", "PlacementCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "RoundGenerator", dependencies: ["PlacementModel", "PlacementFormulation"]),
        // The independent results checker: the domain and readers only, never the formulation.
        .target(name: "PlacementVerify", dependencies: ["PlacementModel", "PlacementCSV"]),
        .target(
            name: "PlacementEngine",
            dependencies: ["PlacementModel", "PlacementFormulation", "LinearModel", "GLPKSolver"]),
        .target(
            name: "PlacementResults",
            dependencies: [
                "PlacementModel", "PlacementCSV", "PlacementXLSX", "PlacementFormulation", "PlacementEngine",
                "LinearModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PlacementSweeps",
            dependencies: ["PlacementModel", "PlacementCSV", "PlacementResults", "PlacementEngine", "LinearModel"]),
        .target(
            name: "PlacementReports",
            dependencies: [
                "PlacementModel", "PlacementFormulation", "PlacementEngine", "PlacementResults", "PlacementSweeps",
                "LinearModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "AllVET",
            dependencies: [
                "PlacementModel", "PlacementCSV", "PlacementXLSX", "PlacementVerify", "RoundGenerator",
                "PlacementFormulation", "LinearModel",
                "PlacementEngine", "PlacementResults", "PlacementReports", "PlacementSweeps",
            ]
        ),
        .executableTarget(
            name: "allvet",
            dependencies: ["AllVET", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"], exclude: ["Fixtures"]),
        .testTarget(name: "PlacementModelTests", dependencies: ["PlacementModel"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PlacementFormulationTests",
            dependencies: ["PlacementFormulation", "PlacementModel", "LinearModel", "GLPKSolver"]),
        .testTarget(
            name: "AllVETTests",
            dependencies: [
                "AllVET", "allvet", "PlacementVerify", "PlacementXLSX", "PlacementReports", "RoundGenerator",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "PlacementCSVTests", dependencies: ["PlacementCSV", "PlacementModel", "RoundGenerator"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "PlacementXLSXTests",
            dependencies: ["PlacementXLSX", "PlacementCSV", "PlacementModel", "RoundGenerator"],
            exclude: ["Fixtures"]),
        .testTarget(name: "RoundGeneratorTests", dependencies: ["RoundGenerator", "PlacementCSV", "PlacementModel"]),
    ]
)
