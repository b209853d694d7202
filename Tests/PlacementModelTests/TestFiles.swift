import PlacementModel

/// Paths of files the tests read, relative to this source file (#filePath).
enum TestFiles {
    /// The package root.
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PlacementModelTests/TestFiles.swift
        return parts.joined(separator: "/")
    }()

    static var exampleInstance: String { root + "/instances/example.json" }
    static var examplePolicy: String { root + "/instances/example-policy.json" }
    static var badJSON: String { root + "/Tests/PlacementModelTests/Fixtures/bad-json" }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
