#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls (no Foundation in this target).
/// Throws an ``InputError`` naming the file and the system's reason.
func readFileBytes(_ path: String) throws(InputError) -> [UInt8] {
    func failure(_ what: String) -> InputError {
        let reason = String(cString: strerror(errno))
        return InputError([Diagnostic(.error, file: path, location: "", message: "cannot \(what) the file: \(reason)")])
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw failure("open") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw failure("read") }
    if (st.st_mode & S_IFMT) == S_IFDIR {
        throw InputError([Diagnostic(.error, file: path, location: "", message: "is a folder; expected a JSON file")])
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
    }
    return out
}
