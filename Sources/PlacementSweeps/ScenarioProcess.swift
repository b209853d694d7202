import Foundation
import LinearModel

/// One scenario's `allvet solve` as a child process: started, watched for
/// a stop request, and read back by its exit code (the codes of
/// `allvet --help`) or the signal that ended it.
enum ScenarioProcess {
    /// How the process ended, with the last lines it wrote on standard error.
    enum Ending: Sendable {
        case exited(Int32, message: String)
        case signalled(Int32, message: String)
    }

    /// Exit codes after which the results folder was written: done (0),
    /// infeasible (2), time limit (3), verification failed (4), interrupted (130).
    static func wroteResults(_ code: Int32) -> Bool { [0, 2, 3, 4, 130].contains(code) }
    static let verificationFailed: Int32 = 4

    /// How often a running child is checked for a stop request.
    static let pollSeconds = 0.05
    /// The most of standard error that is kept for a message.
    static let messageLimit = 2_000

    /// Runs `executable` with `arguments` and waits for it. When
    /// `shouldStop` turns true, the child gets SIGINT (as Ctrl-C would give
    /// it): it writes its best solution so far and exits 130.
    static func run(
        _ executable: String, _ arguments: [String], errorFile: URL,
        shouldStop: @Sendable () -> Bool
    ) throws -> Ending {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        // Standard error goes to a file rather than a pipe: a chatty child can never block on it.
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
            let errors = try? FileHandle(forWritingTo: errorFile)
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorFile.path])
        }
        defer {
            try? errors.close()
            try? FileManager.default.removeItem(at: errorFile)
        }
        p.standardError = errors
        try p.run()
        var interrupted = false
        while p.isRunning {
            if !interrupted && shouldStop() {
                p.interrupt()
                interrupted = true
            }
            Thread.sleep(forTimeInterval: pollSeconds)
        }
        p.waitUntilExit()
        let message = Self.message(FileManager.default.contents(atPath: errorFile.path) ?? Data())
        switch p.terminationReason {
        case .uncaughtSignal: return .signalled(p.terminationStatus, message: message)
        case .exit: return .exited(p.terminationStatus, message: message)
        @unknown default: return .exited(p.terminationStatus, message: message)
        }
    }

    /// The lines the child wrote on standard error, each `allvet: ` prefix
    /// dropped, joined by `; `: at most the last ``messageLimit`` characters.
    static func message(_ data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { line -> String in
            let s = String(line)
            return s.hasPrefix("allvet: ") ? String(s.dropFirst(8)) : s
        }
        let joined = lines.joined(separator: "; ")
        return joined.count > messageLimit ? "…" + String(joined.suffix(messageLimit)) : joined
    }
}
