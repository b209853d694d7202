import AllVET
import Foundation
import Synchronization

/// The progress line on standard error: rewritten in place (`\r`), at most
/// ten times a second, and cleared when the solve ends.
final class ProgressLine: Sendable {
    let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private let lastShown = Atomic<UInt64>(0)
    private let shown = Atomic<Bool>(false)

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: LevelProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        let last = lastShown.load(ordering: .relaxed)
        // Always show a level's start; otherwise at most every 0.1 s.
        guard p.incumbent == nil && p.bound == nil || now - last >= 100_000_000 || last == 0 else { return }
        lastShown.store(now, ordering: .relaxed)
        shown.store(true, ordering: .relaxed)
        let line = p.line(elapsed: Double(now - started) / 1e9)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    /// Clears the line so that later messages start on a clean line.
    func finish() {
        if shown.load(ordering: .relaxed) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
