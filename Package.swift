// swift-tools-version: 6.1
//
// allvet: optimal placement of VET learners and staff with host companies abroad.
//
// Layers, with dependencies pointing one way only:
//   CGLPK (system library) <- GLPKSolver (the only target touching GLPK's C API)
//   LinearModel (solver-neutral model, no GLPK)
//   PlacementModel (domain values, readers)  <- PlacementFormulation (candidates, model, driver)
//   AllVET (engine facade, results, verify) <- allvet (command line)
import PackageDescription

let package = Package(
    name: "allvet",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AllVET", targets: ["AllVET"]),
        .executable(name: "allvet", targets: ["allvet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
        .target(name: "RoundGenerator", dependencies: ["PlacementModel"]),
        .target(
            name: "AllVET",
            dependencies: [
                "PlacementModel", "PlacementCSV", "RoundGenerator", "PlacementFormulation", "LinearModel", "GLPKSolver",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "allvet",
            dependencies: ["AllVET", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"], exclude: ["Fixtures"]),
        .testTarget(name: "PlacementModelTests", dependencies: ["PlacementModel"], exclude: ["Fixtures"]),
        .testTarget(name: "PlacementFormulationTests", dependencies: ["PlacementFormulation", "PlacementModel", "LinearModel", "GLPKSolver"]),
        .testTarget(name: "AllVETTests", dependencies: ["AllVET", "allvet", "RoundGenerator"]),
        .testTarget(name: "PlacementCSVTests", dependencies: ["PlacementCSV", "PlacementModel", "RoundGenerator"], exclude: ["Fixtures"]),
        .testTarget(name: "RoundGeneratorTests", dependencies: ["RoundGenerator", "PlacementCSV", "PlacementModel"]),
    ]
)
