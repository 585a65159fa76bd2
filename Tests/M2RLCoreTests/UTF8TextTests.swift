import Testing
@testable import M2RLCore

/// `UTF8Text` against the standard library's own decoder, the oracle: bytes are well-formed
/// exactly when `String(decoding:)` gives them back unchanged (it replaces every malformed
/// sequence by U+FFFD, whose three bytes cannot equal what they replaced).
@Suite("UTF8Text: the word-at-a-time validator agrees with the standard library")
struct UTF8TextTests {
    static func oracle(_ bytes: [UInt8]) -> UTF8Text.Validity {
        guard Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes else { return .malformed }
        return bytes.allSatisfy { $0 < 0x80 } ? .ascii : .multiByte
    }

    static func check(_ bytes: [UInt8]) -> Bool {
        let expected = oracle(bytes)
        let (validity, validated, repaired) = bytes.withUnsafeBufferPointer {
            (UTF8Text.validate($0), UTF8Text.string(validating: $0), UTF8Text.string(repairing: $0))
        }
        guard validity == expected else { return false }
        guard repaired == String(decoding: bytes, as: UTF8.self) else { return false }
        if expected == .malformed { return validated == nil }
        return validated.map { Array($0.utf8) == bytes && $0.unicodeScalars.count == String(decoding: bytes, as: UTF8.self).unicodeScalars.count } ?? false
    }

    /// The sequence behind ASCII padding of 0 to 16 bytes and before 0 to 9, so that it falls at
    /// several offsets of the 8-byte loads and in the byte-by-byte tail (the 32-byte ASCII skip
    /// is reached by `randomTexts`, whose inputs are longer).
    static func placed(_ sequence: [UInt8], before: Int, after: Int) -> [UInt8] {
        Array(repeating: UInt8(ascii: "a"), count: before) + sequence + Array(repeating: UInt8(ascii: "z"), count: after)
    }

    @Test("every one- and two-byte sequence, at offsets 0, 7, 8, 15 and 16 of a word")
    func shortSequences() {
        var failures: [[UInt8]] = []
        for first in 0...255 {
            for before in [0, 7, 8, 15, 16] where !Self.check(Self.placed([UInt8(first)], before: before, after: 3)) {
                failures.append(Self.placed([UInt8(first)], before: before, after: 3))
            }
            for second in 0...255 {
                let pair = [UInt8(first), UInt8(second)]
                for (before, after) in [(0, 0), (3, 9), (14, 0), (7, 1)] where !Self.check(Self.placed(pair, before: before, after: after)) {
                    failures.append(Self.placed(pair, before: before, after: after))
                }
            }
        }
        #expect(failures.count == 0, "first disagreements: \(failures.prefix(5))")
    }

    @Test("three- and four-byte sequences around every boundary of the table (overlong, surrogate, above U+10FFFF, truncated)")
    func longSequences() {
        let near: [UInt8] = Array(0x70...0xC7)   // ASCII, every continuation byte, and past them
        var failures: [[UInt8]] = []
        for lead in UInt8(0xE0)...0xEF {
            for second in near {
                // At the very end (checked byte by byte) and followed by more text (checked from
                // one 4-byte load).
                for third in near {
                    for after in [0, 4] where !Self.check(Self.placed([lead, second, third], before: 5, after: after)) {
                        failures.append([lead, second, third])
                    }
                }
            }
        }
        let edges: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF0]
        for lead in UInt8(0xF0)...0xF7 {
            for second in near {
                for third in edges {
                    for fourth in edges where !Self.check(Self.placed([lead, second, third, fourth], before: 13, after: 2)) {
                        failures.append([lead, second, third, fourth])
                    }
                }
                // Truncated at the end of the buffer.
                if !Self.check([lead, second]) { failures.append([lead, second]) }
                if !Self.check(Self.placed([lead, second, 0x80], before: 9, after: 0)) { failures.append([lead, second, 0x80]) }
            }
        }
        #expect(failures.count == 0, "first disagreements: \(failures.prefix(5))")
    }

    @Test("seeded random texts of ASCII runs, well-formed scalars of every length and stray bytes")
    func randomTexts() {
        var rng = SplitMix64(seed: 20251128)
        let scalars: [Unicode.Scalar] = ["é", "ß", "Ω", "ж", "中", "€", "\u{FFFD}", "\u{FEFF}", "😀", "\u{10FFFF}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{10000}"]
        var failures: [[UInt8]] = []
        var malformed = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 8) {
                switch rng.next() % 10 {
                case 0..<5: bytes += Array(repeating: UInt8(0x20 + rng.next() % 0x5F), count: Int(rng.next() % 24))
                case 5..<9: bytes += Array(String(scalars[Int(rng.next() % UInt64(scalars.count))]).utf8)
                default: bytes.append(UInt8(truncatingIfNeeded: rng.next()))
                }
            }
            if Self.oracle(bytes) == .malformed { malformed += 1 }
            if !Self.check(bytes) { failures.append(bytes) }
        }
        #expect(failures.count == 0, "first disagreements: \(failures.prefix(5))")
        #expect(malformed > 1_000 && malformed < 19_000, "the mix covers both verdicts: \(malformed) malformed")
    }

    @Test("a long text: ASCII megabytes with scalars scattered, then one bad byte near the end")
    func longText() {
        var bytes = Array(String(repeating: "plain words, then café and 中文 — ", count: 30_000).utf8)
        #expect(bytes.withUnsafeBufferPointer { UTF8Text.validate($0) } == .multiByte)
        bytes[bytes.count - 5] = 0xFF
        #expect(bytes.withUnsafeBufferPointer { UTF8Text.validate($0) } == .malformed)
        #expect(Array("".utf8).withUnsafeBufferPointer { UTF8Text.validate($0) } == .ascii)
    }
}
