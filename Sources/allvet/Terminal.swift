import AllVET
import Foundation

/// Writing to the terminal, and whether standard error is one. Control
/// characters from the input (ESC, BEL, RLO …) are shown escaped, never
/// sent raw: an id can neither rewrite the screen nor reverse a line.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((ControlCharacters.escaped(text) + "\n").utf8))
    }

    /// A line (or lines) on standard output.
    static func out(_ text: String) {
        print(ControlCharacters.escaped(text))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
