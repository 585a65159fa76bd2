import Foundation

/// A JSON reader and writer for `JSONValue` that work on UTF-8 bytes directly: the hot path of
/// `m2rl score` reads and writes one small object per line, where Foundation's coders spend
/// most of their time in dynamic dispatch and thrown-and-caught type probes.
///
/// The writer's output is the same text `M2RLJSON.line` gives (sorted keys, slashes not
/// escaped, integral doubles without `.0`), so either can produce any line.
enum JSONText {
    /// How deeply arrays and objects may nest before the reader refuses the input.
    static let maxDepth = 512

    /// The message of the error for a string that is not valid UTF-8.
    static let invalidUTF8 = "a string is not valid UTF-8"

    struct SyntaxError: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        /// For a repeated key: the key and the nesting depth of its object (1 for the top level).
        var duplicate: (key: String, depth: Int)? = nil
        var description: String { "at byte \(offset): \(message)" }
    }

    // MARK: - Reading

    static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0) }
    }

    /// Parses one JSON value filling `bytes` (white space around it allowed).
    ///
    /// Escaped strings are unescaped into one scratch buffer of `bytes.count` bytes (unescaping
    /// never lengthens a string), allocated on the first escape and freed on return.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var reader = Reader(bytes: bytes)
        defer { reader.scratch?.deallocate() }
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == bytes.count else { throw reader.error("unexpected text after the value") }
        return value
    }

    /// A cursor over JSON text (also used by `Problem(canonicalLine:)`, JSONProblem.swift).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// Where escaped strings are unescaped: `bytes.count` bytes, made on the first escape.
        var scratch: UnsafeMutablePointer<UInt8>?

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ message: String) -> SyntaxError { SyntaxError(offset: position, message: message) }

        mutating func skipSpace() {
            while position < bytes.count {
                let b = bytes[position]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                position += 1
            }
        }

        mutating func literal(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw error("unexpected end of text") }
            for k in 0..<count where bytes[position + k] != word.utf8Start[k] { throw error("unexpected character") }
            position += count
            return value
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard position < bytes.count else { throw error("unexpected end of text") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("unexpected character '\(Unicode.Scalar(bytes[position]))'")
            }
        }

        mutating func object(depth: Int) throws -> JSONValue {
            guard depth <= JSONText.maxDepth else { throw error("nested deeper than \(JSONText.maxDepth) levels") }
            position += 1
            var fields: [String: JSONValue] = Dictionary(minimumCapacity: 8)
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(fields) }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
                let key = try string()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                position += 1
                skipSpace()
                if fields.updateValue(try value(depth: depth), forKey: key) != nil {
                    // Two parsers could read two different values: refuse instead.
                    var refusal = error("duplicate key \"\(key.prefix(40))\" in an object")
                    refusal.duplicate = (key, depth)
                    throw refusal
                }
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end of text in an object") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(fields) }
                throw error("expected ',' or '}' in an object")
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            guard depth <= JSONText.maxDepth else { throw error("nested deeper than \(JSONText.maxDepth) levels") }
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth))
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end of text in an array") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                throw error("expected ',' or ']' in an array")
            }
        }

        /// The index of the first byte at or after `from` that is `"`, `\\`, a control
        /// character or not ASCII (or the end): eight bytes at a time (`specials`).
        func scanToSpecial(from: Int) -> Int {
            var i = from
            let n = bytes.count
            guard let base = bytes.baseAddress else { return n }
            while i + 8 <= n {
                let found = Self.specials(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
            while i < n {
                if Self.isSpecial(base[i]) { return i }
                i += 1
            }
            return n
        }

        /// The high bit of each byte of `w` that is special (`"`, `\\`, a control character or
        /// not ASCII), possibly also of bytes above the first special one. Each of the three
        /// zero-byte tests (`(x - 0x01…) & ~x & 0x80…`) can flag bytes above a true match but
        /// never below one, and the high bits flag exactly the bytes that are not ASCII, so the
        /// lowest flag is the first special byte.
        @inline(__always)
        static func specials(_ w: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let quote = w ^ (ones &* 0x22)
            let slash = w ^ (ones &* 0x5C)
            return ((quote &- ones) & ~quote | (slash &- ones) & ~slash | (w &- (ones &* 0x20)) & ~w | w) & 0x8080_8080_8080_8080
        }

        /// Whether a byte ends a run of plain string bytes (the byte-at-a-time `specials`).
        @inline(__always)
        static func isSpecial(_ b: UInt8) -> Bool { b == 0x22 || b == 0x5C || b < 0x20 || b >= 0x80 }

        /// The string opening at `position` (a quote), unescaped. Its UTF-8 is checked as it is
        /// scanned: the scans stop at each non-ASCII byte, whose sequence is checked there
        /// (`UTF8Text.sequenceLength`), so the string is then made without a second pass.
        /// - Throws: a syntax error at the offending byte, or `invalidUTF8` at the closing quote.
        mutating func string() throws -> String {
            position += 1 // opening quote
            let start = position
            var ascii = true
            var malformed = false
            /// Steps over the non-ASCII sequence at `position`: one byte when it is malformed.
            func multiByte(_ position: inout Int) {
                ascii = false
                let length = UTF8Text.sequenceLength(bytes.baseAddress!, at: position, count: bytes.count)
                if length == 0 { malformed = true }
                position += max(length, 1)
            }
            while true {
                position = scanToSpecial(from: position)
                guard position < bytes.count else { throw error("unterminated string") }
                guard bytes[position] >= 0x80 else { break }
                multiByte(&position)
            }
            if bytes[position] == UInt8(ascii: "\"") {
                // No escape: the string is the text's own bytes.
                guard !malformed else { throw error(JSONText.invalidUTF8) }
                let text = UTF8Text.make(UnsafeBufferPointer(rebasing: bytes[start..<position]), ascii: ascii)
                position += 1
                return text
            }
            if bytes[position] < 0x20 { throw error("control character in a string") }
            // A backslash: unescape into the scratch buffer, copying the runs between escapes.
            // 8 bytes of slack: `copyToSpecial` stores whole words past the end of its run.
            if scratch == nil { scratch = .allocate(capacity: bytes.count + 8) }
            let out = scratch!
            var count = 0
            var chunk = start
            while true {
                let run = position - chunk
                if run > 0 { (out + count).update(from: bytes.baseAddress! + chunk, count: run); count += run }
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    position += 1
                    guard !malformed else { throw error(JSONText.invalidUTF8) }
                    return UTF8Text.make(UnsafeBufferPointer(start: out, count: count), ascii: ascii)
                }
                if b >= 0x80 {
                    // Copied with the run after it, at the top of the loop.
                    chunk = position
                    multiByte(&position)
                    position = scanToSpecial(from: position)
                    guard position < bytes.count else { throw error("unterminated string") }
                    continue
                }
                if b < 0x20 { throw error("control character in a string") }
                position += 1 // the backslash
                guard position < bytes.count else { throw error("unterminated string") }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "\""): out[count] = 0x22; count += 1
                case UInt8(ascii: "\\"): out[count] = 0x5C; count += 1
                case UInt8(ascii: "/"): out[count] = 0x2F; count += 1
                case UInt8(ascii: "b"): out[count] = 0x08; count += 1
                case UInt8(ascii: "f"): out[count] = 0x0C; count += 1
                case UInt8(ascii: "n"): out[count] = 0x0A; count += 1
                case UInt8(ascii: "r"): out[count] = 0x0D; count += 1
                case UInt8(ascii: "t"): out[count] = 0x09; count += 1
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A surrogate pair.
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    // At most 4 bytes for the at least 6 of the escape: the buffer cannot overflow.
                    UTF8.encode(Unicode.Scalar(scalar)!) { out[count] = $0; count += 1 }
                default: throw error("invalid escape '\\\(Unicode.Scalar(e))'")
                }
                copyToSpecial(into: out, count: &count)
                chunk = position
                guard position < bytes.count else { throw error("unterminated string") }
            }
        }

        /// Copies bytes from `position` to `out + count` up to the next `"`, `\\`, control
        /// character or non-ASCII byte (or the end), advancing both: scanning and copying in one pass, eight bytes
        /// at a time (each word is stored whole; the bytes past the run are overwritten later,
        /// and `out` has 8 bytes of slack).
        mutating func copyToSpecial(into out: UnsafeMutablePointer<UInt8>, count: inout Int) {
            let n = bytes.count
            guard let base = bytes.baseAddress else { return }
            while position + 8 <= n {
                let w = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(out + count).storeBytes(of: w, as: UInt64.self)
                let found = Self.specials(w)
                if found != 0 {
                    let k = found.trailingZeroBitCount >> 3
                    position += k
                    count += k
                    return
                }
                position += 8
                count += 8
            }
            while position < n {
                let b = base[position]
                if Self.isSpecial(b) { return }
                out[count] = b
                count += 1
                position += 1
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[position]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 48)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - 87)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - 55)
                default: throw error("bad hex digit in \\u escape")
                }
                value = value * 16 + digit
                position += 1
            }
            return value
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: `.int` when integral and in range,
        /// else `.double`.
        mutating func number() throws -> JSONValue {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            func digits() -> Int {
                let from = position
                while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
                return position - from
            }
            let whole = digits()
            guard whole > 0 else { throw error("expected digits") }
            if whole > 1, bytes[position - whole] == UInt8(ascii: "0") { throw error("leading zero in a number") }
            var integral = true
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw error("expected digits after '.'") }
                integral = false
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw error("expected exponent digits") }
                integral = false
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if integral, let i = Int(text) { return .int(i) }
            guard let d = Double(text) else { throw error("bad number") }
            return .double(d)
        }
    }

    // MARK: - Writing

    static func write(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out)
        // Strings' own bytes and ASCII: well-formed by construction, so not checked again.
        return out.withUnsafeBufferPointer { UTF8Text.make($0, ascii: false) }
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isFinite {
                var text = d.description
                if text.hasSuffix(".0") { text.removeLast(2) }
                out.append(contentsOf: text.utf8)
            } else {
                writeString(String(d), into: &out)
            }
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            // Sorted by the keys' UTF-8 bytes, as JSONEncoder's .sortedKeys orders them.
            for (k, field) in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                writeString(field.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(field.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are appended whole.
            var run = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                run = i + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
                    out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
                }
            }
            if bytes.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
