import Foundation
import PlacementModel
import Testing
import ZIPFoundation

@testable import PlacementXLSX

/// Workbooks damaged on purpose, deterministically: every read ends with a
/// round or an ``InputError`` that names the file, never a crash, a hang or
/// a silent half round. The container is damaged by bytes flipped and cut;
/// the XML inside by parts rewritten with bytes changed, so that ZIP's
/// checksums pass and the XML and cell layers see the damage.
@Suite struct DamagedWorkbookTests {
    static let original = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("example-libreoffice.xlsx"))))

    func read(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try InstanceXLSXReader.read(bytes: bytes, file: "damaged.xlsx", name: "damaged")
            return true
        } catch {
            #expect(!error.diagnostics.isEmpty && error.diagnostics.allSatisfy { $0.file == "damaged.xlsx" })
            return false
        }
    }

    @Test func flippedAndCutContainers() {
        var rng = SystemRandomNumberGenerator()
        _ = rng
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for k in 0..<200 {
            var bytes = Self.original
            if k % 4 == 0 {
                bytes = Array(bytes.prefix(next() % bytes.count))
            } else {
                for _ in 0..<(1 + next() % 8) { bytes[next() % bytes.count] ^= UInt8(1 + next() % 255) }
            }
            _ = read(bytes)
        }
    }

    /// Each XML part rewritten with bytes changed or cut, and re-zipped.
    @Test func damagedXMLInsideAGoodContainer() throws {
        let archive = try Archive(data: Data(Self.original), accessMode: .read, pathEncoding: nil)
        var parts: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let targets = parts.indices.filter { parts[$0].0.hasPrefix("xl/") && parts[$0].0.hasSuffix(".xml") }
        var readWhole = 0
        for k in 0..<240 {
            let t = targets[k % targets.count]
            var damaged = parts
            var bytes = [UInt8](damaged[t].1)
            switch k % 3 {
            case 0: bytes = Array(bytes.prefix(next() % max(bytes.count, 1)))
            case 1:
                for _ in 0..<(1 + next() % 6) { bytes[next() % bytes.count] = Self.tricky[next() % Self.tricky.count] }
            default:
                // A digit in a reference, an index or a value changed: a cell moved, a shared string out of range.
                let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
                for _ in 0..<(1 + next() % 4) where !digits.isEmpty { bytes[digits[next() % digits.count]] = 0x39 }
            }
            damaged[t].1 = Data(bytes)
            let out = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
            for (path, data) in damaged {
                try out.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { p, n in
                    data.subdata(in: Int(p)..<Int(p) + n)
                }
            }
            if read([UInt8](out.data!)) { readWhole += 1 }
        }
        // Some damage leaves a valid round (a changed digit in a date); most must not.
        #expect(readWhole < 240)
    }

    static let tricky: [UInt8] = Array("<>&\"'=/x:9 ".utf8) + [0, 0xFF, 0xC3]
}
