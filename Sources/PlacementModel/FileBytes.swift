#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The largest input file allvet reads. A 20,000-participant round is about
/// 11 MB as JSON; a larger file is not a round (or not the right file), and
/// reading it whole would only spend memory and time. Measured (release
/// build, a file of unknown preference ids, `check`): 113 MB took 41.5 s
/// and 3.0 GB; 60.6 MiB 25.8 s and 1.8 GB. So the limit is 64 MiB, six
/// times the largest round, where the 7.5 GB of issue 14's 200 MB file
/// cannot be reached. allvet does not stream: the readers parse a whole
/// file, which is what lets them report every problem in one run.
public let maxInputBytes = 64 << 20

/// Reads a whole file with POSIX calls (no Foundation in this target): the
/// one place every input file (JSON, CSV, sweep) is read. Only a regular
/// file of at most ``maxInputBytes`` is read; a device (`/dev/zero`), a FIFO
/// or a larger file is refused, so reading always ends. Throws an
/// ``InputError`` naming the file and the reason.
public func readFileBytes(_ path: String, kind: String = "a JSON file") throws(InputError) -> [UInt8] {
    func failure(_ what: String) -> InputError {
        let reason = String(cString: strerror(errno))
        return InputError([Diagnostic(.error, file: path, location: "", message: "cannot \(what) the file: \(reason)")])
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below); no effect on a regular file.
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    guard fd >= 0 else { throw failure("open") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw failure("read") }
    func refuse(_ message: String) -> InputError {
        InputError([Diagnostic(.error, file: path, location: "", message: message)])
    }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw refuse("is a folder; expected \(kind)")
    default: throw refuse("is not a regular file (a device, FIFO or socket); expected \(kind)")
    }
    if Int(st.st_size) > maxInputBytes {
        throw refuse(
            "is \(Int(st.st_size)) bytes, more than the \(maxInputBytes >> 20) MiB allvet reads "
                + "(a 20,000-participant round is about 11 MB). Is this the right file?")
    }
    var out: [UInt8] = []
    out.reserveCapacity(max(0, Int(st.st_size)))
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            throw failure("read")
        }
        if n == 0 { break }
        out.append(contentsOf: chunk[0..<n])
        // A file that grows while it is read is cut off at the same limit.
        if out.count > maxInputBytes {
            throw refuse("grew past \(maxInputBytes >> 20) MiB while it was read; is it still being written?")
        }
    }
    return out
}
