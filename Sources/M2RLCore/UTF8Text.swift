/// Strings from UTF-8 bytes, checked once by a validator that skips ASCII eight bytes at a time.
///
/// `String(decoding:as:)` checks its bytes too, but walks them one by one as soon as a single
/// byte is not ASCII: 1.1 ns a byte for 100 KB of English with a few accented letters, against
/// 0.03 ns for the copy alone (release build, this project's 2-core VM). `m2rl dataset inspect`
/// spent 15% of its CPU there (`perf record`). Here the bytes are checked by `validate` (ASCII words
/// skipped whole, each multi-byte sequence checked against Unicode's table of well-formed
/// sequences), and the string is then made without a second check (`UTF8Span(unchecked:)`).
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
            if i + 8 <= n {
                // Eight ASCII bytes are skipped whole; otherwise jump to the first non-ASCII one.
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & highs
                if word == 0 { i += 8; continue }
                i += word.trailingZeroBitCount >> 3
            } else if p[i] < 0x80 {
                i += 1  // the tail, shorter than a word
                continue
            }
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
