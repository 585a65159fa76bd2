import CZlib
import Foundation

/// zlib streams (RFC 1950), as LiveCodeBench packs its private test cases.
enum Zlib {
    /// Inflates `data`, refusing output longer than `limit` bytes.
    /// - Throws: `ConversionError` naming `field` when the data is not a complete zlib stream.
    static func inflate(_ data: Data, limit: Int, field: String) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ConversionError("`\(field)`: zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](data)
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let rc = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return Z_BUF_ERROR }
                if rc == Z_STREAM_END { return Z_STREAM_END }
                if rc != Z_OK { return rc }
                if stream.avail_in == 0 && produced == 0 { return Z_DATA_ERROR }
            }
        }
        guard status == Z_STREAM_END else {
            throw ConversionError("`\(field)`: not a complete zlib stream (or longer than \(limit) bytes when inflated)")
        }
        return output
    }
}

/// The one pickle shape LiveCodeBench writes: a single pickled `str` (protocol 2 to 5). Anything
/// else is refused; nothing is ever executed.
enum Pickle {
    static func string(_ bytes: [UInt8], field: String) throws -> String {
        func refuse(_ why: String) -> ConversionError {
            ConversionError("`\(field)`: the packed tests are a pickle that is not one string (\(why))")
        }
        var i = 0
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard i + n <= bytes.count else { throw refuse("truncated") }
            defer { i += n }
            return bytes[i..<(i + n)]
        }
        func little(_ slice: ArraySlice<UInt8>) -> Int {
            slice.reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        var result: String?
        while i < bytes.count {
            let op = bytes[i]
            i += 1
            switch op {
            case 0x80: _ = try take(1)                         // PROTO n
            case 0x95: _ = try take(8)                         // FRAME length
            case 0x8C: result = String(decoding: try take(Int(try take(1).first!)), as: UTF8.self) // SHORT_BINUNICODE
            case 0x58: result = String(decoding: try take(little(try take(4))), as: UTF8.self)      // BINUNICODE
            case 0x8D:                                         // BINUNICODE8
                let n = little(try take(8))
                guard n >= 0, n <= bytes.count else { throw refuse("bad length") }
                result = String(decoding: try take(n), as: UTF8.self)
            case 0x94: break                                   // MEMOIZE
            case 0x71: _ = try take(1)                         // BINPUT
            case 0x72: _ = try take(4)                         // LONG_BINPUT
            case 0x2E:                                         // STOP
                guard let result else { throw refuse("no string") }
                return result
            default: throw refuse(String(format: "opcode 0x%02x", op))
            }
        }
        throw refuse("no STOP")
    }
}
