import Foundation

/// The string operations the reference checkers get from Python, with Python's exact rules, so
/// a checker written in Swift counts what the Python one counts.
///
/// Python's `str` is a sequence of code points, so these work on Unicode scalars, not on
/// Swift's grapheme clusters: `len("é")` is 2 when the accent is a combining mark.
public enum PythonText {
    /// `Array(text.unicodeScalars)`, decoded in one pass over the UTF-8 (the generic
    /// initializer walks the text twice: once to count the scalars, once to copy them). Swift
    /// strings hold valid UTF-8, so every lead byte starts a complete scalar.
    public static func scalars(_ text: some StringProtocol) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            Array(unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
                // A scalar is a UInt32; every value written below is a valid one.
                let out = UnsafeMutableRawPointer(buffer.baseAddress!)
                let input = UnsafeRawPointer(bytes.baseAddress!)
                var n = 0
                var i = 0
                let end = bytes.count
                while i < end {
                    // Eight ASCII bytes at a time while they last.
                    if i + 8 <= end {
                        let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        if word & 0x8080_8080_8080_8080 == 0 {
                            for k in 0..<8 {
                                out.storeBytes(of: UInt32(truncatingIfNeeded: word >> (8 * UInt64(k))) & 0xFF, toByteOffset: (n + k) * 4, as: UInt32.self)
                            }
                            n += 8
                            i += 8
                            continue
                        }
                    }
                    let (value, length) = decode(bytes, at: i)
                    i += length
                    out.storeBytes(of: value, toByteOffset: n * 4, as: UInt32.self)
                    n += 1
                }
                initialized = n
            }
        }
        return decoded ?? Array(text.unicodeScalars)
    }

    /// The code point whose UTF-8 starts at byte `i` of well-formed UTF-8 (a Swift string's),
    /// and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// A string of the given scalars (`String(String.UnicodeScalarView(scalars))`), encoded in
    /// one pass straight into the string's storage.
    public static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var length = 0
        for scalar in scalars {
            let v = scalar.value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | v >> 6)
                    buffer[n + 1] = UInt8(0x80 | v & 0x3F)
                    n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(0xE0 | v >> 12)
                    buffer[n + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v & 0x3F)
                    n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | v >> 18)
                    buffer[n + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                    buffer[n + 3] = UInt8(0x80 | v & 0x3F)
                    n += 4
                }
            }
            return n
        }
    }

    /// `c.isspace()`: the code points Python calls whitespace (bidirectional class WS, B or S,
    /// or category Zs).
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// `c.isalpha()`: categories Lu, Ll, Lt, Lm, Lo.
    public static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `c.isalnum()`: a letter, or a code point with a numeric value (`isdecimal`, `isdigit`,
    /// `isnumeric`).
    public static func isAlnum(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return isAlpha(scalar) || scalar.properties.numericType != nil
    }

    /// A code point of the regular expression class `\w` on `str` patterns: `isalnum()` or `_`.
    public static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || isAlnum(scalar)
    }

    /// `c.isdecimal()` for one code point, which is also Python's `\d` on `str`: a decimal
    /// digit of any script (general category Nd).
    public static func isDecimal(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    /// `c.isdigit()` for one code point (decimal digits and other digits such as `²`).
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        switch scalar.properties.numericType {
        case .decimal?, .digit?: return true
        default: return false
        }
    }

    /// `re.findall(r"\w+", text)`: the maximal runs of word code points (NLTK's
    /// `RegexpTokenizer(r"\w+")`, which IFEval and IFBench use to count words).
    public static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            guard isWord(scalars[i]) else { i = scalars.index(after: i); continue }
            let start = i
            while i < scalars.endIndex, isWord(scalars[i]) { i = scalars.index(after: i) }
            out.append(Substring(scalars[start..<i]))
        }
        return out
    }

    /// The number of `\w+` runs, without building them.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let word = isWord(scalar)
            if word && !inWord { count += 1 }
            inWord = word
        }
        return count
    }

    /// `text.split()`: runs of non-whitespace, empty strings never produced.
    public static func split(_ text: some StringProtocol) -> [Substring] {
        var out: [Substring] = []
        let string = Substring(text)
        let scalars = string.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            guard !isSpace(scalars[i]) else { i = scalars.index(after: i); continue }
            let start = i
            while i < scalars.endIndex, !isSpace(scalars[i]) { i = scalars.index(after: i) }
            out.append(Substring(scalars[start..<i]))
        }
        return out
    }

    /// `text.split(separator)` with a literal separator: empty pieces kept, as Python does.
    /// Code-point exact (a byte search over UTF-8, which cannot match inside a code point).
    public static func split(_ text: some StringProtocol, separator: String) -> [Substring] {
        let string = Substring(text)
        guard !separator.isEmpty else { return [string] }
        var out: [Substring] = []
        var start = string.startIndex
        forEachMatch(of: separator, in: string) { range in
            out.append(string[start..<range.lowerBound])
            start = range.upperBound
            return true
        }
        out.append(string[start...])
        return out
    }

    /// Calls `body` with each non-overlapping occurrence of `needle` in `text`, left to right,
    /// until it returns false. Linear in practice: a byte scan for the first byte, then a compare.
    public static func forEachMatch(of needle: String, in text: Substring, _ body: (Range<String.Index>) -> Bool) {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return }
        let utf8 = text.utf8
        var i = utf8.startIndex
        let end = utf8.endIndex
        while i < end {
            guard utf8[i] == first else { i = utf8.index(after: i); continue }
            var j = i
            var k = 0
            while k < pattern.count, j < end, utf8[j] == pattern[k] {
                j = utf8.index(after: j)
                k += 1
            }
            if k == pattern.count {
                if !body(i..<j) { return }
                i = j
            } else {
                i = utf8.index(after: i)
            }
        }
    }

    /// `text.strip()`: Python whitespace removed from both ends.
    public static func strip(_ text: some StringProtocol) -> Substring {
        let string = Substring(text)
        let scalars = string.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, isSpace(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, isSpace(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        return Substring(scalars[lower..<upper])
    }

    /// `text.strip(chars)`: the given code points removed from both ends.
    public static func strip(_ text: some StringProtocol, _ chars: String) -> Substring {
        let set = Set(chars.unicodeScalars)
        let string = Substring(text)
        let scalars = string.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, set.contains(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, set.contains(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        return Substring(scalars[lower..<upper])
    }

    /// `len(text)`: code points.
    public static func length(_ text: some StringProtocol) -> Int { text.unicodeScalars.count }

    /// `needle in text`: a code-point substring test (a byte search over UTF-8, which gives the
    /// same answer). The empty needle is always found.
    public static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var found = false
        forEachMatch(of: needle, in: Substring(text)) { _ in
            found = true
            return false
        }
        return found
    }

    /// `text.count(sub)`: non-overlapping occurrences, left to right (`count("")` is len + 1).
    public static func count(_ text: some StringProtocol, _ sub: String) -> Int {
        guard !sub.isEmpty else { return length(text) + 1 }
        var count = 0
        forEachMatch(of: sub, in: Substring(text)) { _ in
            count += 1
            return true
        }
        return count
    }

    /// `text.lower()`: each code point's full lowercase mapping, except that a capital sigma
    /// becomes final `ς` when a cased code point precedes it and none follows it (case-ignorable
    /// code points skipped both ways), which Python does and Swift's `lowercased()` does not.
    public static func lowerScalars(_ text: some Collection<Unicode.Scalar>) -> [Unicode.Scalar] {
        let scalars = Array(text)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        for (i, scalar) in scalars.enumerated() {
            if scalar.isASCII {
                let v = scalar.value
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 32)) : scalar)
            } else if scalar.value == 0x3A3 {
                out.append(isFinalSigma(scalars, i) ? "\u{3C2}" : "\u{3C3}")
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// `text.lower()` as a string.
    public static func lower(_ text: some StringProtocol) -> String {
        string(lowerScalars(scalars(text)))
    }

    private static func isFinalSigma(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, s[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0, s[j].properties.isCased else { return false }
        var k = i + 1
        while k < s.count, s[k].properties.isCaseIgnorable { k += 1 }
        return k == s.count || !s[k].properties.isCased
    }

    /// `text.islower()`: no uppercase or titlecase code point, and at least one lowercase one.
    public static func isLower(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var cased = false
        for scalar in scalars {
            // ASCII: only the letters are cased (no ASCII code point is titlecase or carries
            // Other_Lowercase / Other_Uppercase).
            if scalar.value < 0x80 {
                let v = scalar.value
                if v >= 0x41 && v <= 0x5A { return false }
                if v >= 0x61 && v <= 0x7A { cased = true }
                continue
            }
            let p = scalar.properties
            if p.isUppercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isLowercase { cased = true }
        }
        return cased
    }

    /// `text.isupper()`: no lowercase or titlecase code point, and at least one uppercase one.
    public static func isUpper(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var cased = false
        for scalar in scalars {
            if scalar.value < 0x80 {  // as in `isLower`
                let v = scalar.value
                if v >= 0x61 && v <= 0x7A { return false }
                if v >= 0x41 && v <= 0x5A { cased = true }
                continue
            }
            let p = scalar.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isUppercase { cased = true }
        }
        return cased
    }
}
