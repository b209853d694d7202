internal import CGLPK
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects GLPK's terminal output, splits it into lines and passes them on
/// to the caller's log closure (if any). It also keeps the last lines, so the
/// error hook can print them before GLPK aborts the process.
final class GLPKLog {
    private let sink: (@Sendable (String) -> Void)?
    private var pending = ""
    private(set) var recent: [String] = []

    init(sink: (@Sendable (String) -> Void)?) { self.sink = sink }

    var isEnabled: Bool { sink != nil }

    /// Text from GLPK, in pieces that need not end at a line break.
    func receive(_ text: String) {
        pending += text
        while let nl = pending.firstIndex(of: "\n") {
            emit(String(pending[..<nl]))
            pending = String(pending[pending.index(after: nl)...])
        }
    }

    /// A line of the wrapper's own, marked as such.
    func note(_ line: String) { emit("allvet GLPKSolver: " + line) }

    func flush() {
        if !pending.isEmpty { emit(pending); pending = "" }
    }

    private func emit(_ line: String) {
        recent.append(line)
        if recent.count > 20 { recent.removeFirst() }
        sink?(line)
    }
}

/// GLPK's terminal hook: hand the text to the ``GLPKLog`` and return 1 so that
/// GLPK prints nothing itself.
private let termHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
    guard let info, let text else { return 1 }
    Unmanaged<GLPKLog>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
    return 1
}

/// GLPK's error hook, called just before GLPK aborts the process on invalid
/// data. It only reports: nothing can be recovered from Swift at this point.
private let errorHook: @convention(c) (UnsafeMutableRawPointer?) -> Void = { info in
    var text =
        "allvet GLPKSolver: GLPK hit a fatal error and will abort the process. "
        + "The model passed validation, so this is a bug in the wrapper or in GLPK; please report it with the model (LinearModel.freeMPS()).\n"
    if let info {
        let log = Unmanaged<GLPKLog>.fromOpaque(info).takeUnretainedValue()
        log.flush()
        text += "GLPK's last output:\n" + log.recent.map { "  " + $0 + "\n" }.joined()
    }
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }  // fd 2: standard error
}

/// Per-thread flag: is a GLPK solve running on this thread?
private let activeKey: pthread_key_t = {
    var key = pthread_key_t()
    let rc = pthread_key_create(&key, nil)
    precondition(rc == 0, "pthread_key_create failed (\(rc))")
    return key
}()

/// Runs `body` with GLPK's hooks installed for the calling thread, then
/// removes them and frees the thread's GLPK environment.
///
/// GLPK keeps one environment per thread, and `glp_free_env()` destroys every
/// problem on it. Freeing here is safe because GLPKSolver is the only code in
/// the package that touches GLPK and `body` owns the only problem: it is
/// created and deleted inside. Nested solves on one thread (from inside a log
/// or progress closure) would break that, so they are refused. Freeing costs
/// a few microseconds per solve and avoids leaking an environment on each
/// thread that ever solved.
func withGLPKEnvironment<R>(log: GLPKLog, _ body: () throws -> R) rethrows -> R {
    precondition(
        pthread_getspecific(activeKey) == nil,
        "GLPKSolver.solve was called from inside a callback of another solve on the same thread; this is not supported")
    pthread_setspecific(activeKey, UnsafeRawPointer(bitPattern: 1))
    let info = Unmanaged.passUnretained(log).toOpaque()
    glp_term_hook(termHook, info)
    glp_error_hook(errorHook, info)
    defer {
        glp_term_hook(nil, nil)
        glp_error_hook(nil, nil)
        glp_free_env()
        log.flush()
        pthread_setspecific(activeKey, nil)
    }
    return try withExtendedLifetime(log) { try body() }
}
