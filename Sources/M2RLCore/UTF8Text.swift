/// Strings from UTF-8 bytes, checked once by a validator that skips ASCII a word at a time.
///
/// `String(decoding:as:)` checks its bytes too, but walks them one by one as soon as a single
/// byte is not ASCII. `bench/utf8.sh` (100 KB texts, medians): for English with one accented
/// word a sentence it takes 1.1 ns a byte, `string(validating:)` 0.19; for Chinese 1.1 and 0.8;
/// for pure ASCII both about 0.06. `m2rl dataset inspect` spent 15% of its CPU there (`perf
/// record -g` on bench/datasets.sh's file). Here the bytes are checked by `validate` (ASCII runs
/// skipped a word at a time, each multi-byte sequence checked against Unicode's table of
/// well-formed sequences), and the string is then made without a second check
/// (`UTF8Span(unchecked:)`).
public enum UTF8Text {
    /// What `validate` found.
    public enum Validity: Equatable, Sendable {
        case ascii
        case multiByte
        case malformed
    }

    /// Whether `bytes` are well-formed UTF-8 (The Unicode Standard, Table 3-7: no overlong
    /// forms, no surrogates U+D800–U+DFFF, nothing above U+10FFFF, no truncated sequence), and
    /// whether they are all ASCII. Time: linear; ASCII runs cost one load per eight bytes.
    public static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Validity {
        guard let p = bytes.baseAddress else { return .ascii }
        let n = bytes.count
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        var ascii = true
        while i < n {
            if p[i] < 0x80 {
                // An ASCII run: 32 bytes at a time, then 8, then byte by byte to its end.
                while i + 32 <= n {
                    let raw = UnsafeRawPointer(p + i)
                    let words = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                    if words & highs != 0 { break }
                    i += 32
                }
                while i + 8 <= n {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & highs
                    if word != 0 { i += word.trailingZeroBitCount >> 3; break }
                    i += 8
                }
                while i < n && p[i] < 0x80 { i += 1 }
                continue
            }
            // A multi-byte scalar (text in other scripts is one after another: no word loads).
            ascii = false
            let length = sequenceLength(p, at: i, count: n)
            guard length > 0 else { return .malformed }
            i += length
        }
        return ascii ? .ascii : .multiByte
    }

    /// The length (2 to 4) of the well-formed sequence at `p[i]`, whose lead byte is not ASCII,
    /// within `p[0..<count]`; 0 when it is malformed (a continuation or invalid lead byte, a
    /// wrong or missing continuation byte, an overlong form, a surrogate, above U+10FFFF).
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Int {
        if i + 4 <= n {
            // The common shapes from one little-endian load: a 3-byte scalar whose lead is
            // neither E0 nor ED (most of the BMP, CJK included), and a 2-byte one.
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self)
            if w & 0xC0C0F0 == 0x8080E0 {
                let lead = w & 0xFF
                if lead != 0xE0 && lead != 0xED { return 3 }
            } else if w & 0xC0E0 == 0x80C0 && w & 0xFF >= 0xC2 {
                return 2
            }
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch p[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard i + length <= n else { return 0 }
        let second = p[i + 1]
        guard second >= low && second <= high else { return 0 }
        if length >= 3 { guard p[i + 2] & 0xC0 == 0x80 else { return 0 } }
        if length == 4 { guard p[i + 3] & 0xC0 == 0x80 else { return 0 } }
        return length
    }

    /// The string of `bytes`, or nil when they are not well-formed UTF-8.
    public static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let validity = validate(bytes)
        if validity == .malformed { return nil }
        return make(bytes, ascii: validity == .ascii)
    }

    /// The string of `bytes`, each malformed sequence replaced by U+FFFD exactly as
    /// `String(decoding:as:)` does (which it is called for, then).
    public static func string(repairing bytes: UnsafeBufferPointer<UInt8>) -> String {
        string(validating: bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// `string(repairing:)` of an array's bytes.
    public static func string(repairing bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string(repairing: $0) }
    }

    /// The string of bytes already checked (by `validate`, or as `JSONText` scans them).
    static func make(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        guard !bytes.isEmpty else { return "" }
        return unsafe String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
    }
}
