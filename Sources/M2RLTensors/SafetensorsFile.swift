import Foundation
import M2RLCore

/// Where one tensor lies in a safetensors file, as its header declares (validated).
public struct TensorInfo: Sendable, Hashable {
    public var name: String
    public var dtype: DType
    public var shape: [Int]
    /// Byte range inside the data buffer (after the 8-byte length and the header).
    public var begin: Int
    public var end: Int

    /// Number of elements (the product of `shape`; 1 for a scalar).
    public var count: Int { shape.reduce(1, *) }
    public var byteCount: Int { end - begin }
}

/// A safetensors file, memory-mapped and validated on open like the reference parser.
///
/// Layout: an 8-byte little-endian header length N (at most 100,000,000), N bytes of UTF-8
/// JSON (`{name: {"dtype", "shape", "data_offsets"}, "__metadata__": {...}}`), then the data
/// buffer, whose tensors must tile it exactly in offset order. Tensor bytes may be unaligned.
///
/// - Throws: `TensorsError` naming the file and tensor for every violation (see docs/merge.md).
public final class SafetensorsFile: @unchecked Sendable {
    /// The largest header accepted, in bytes (the reference parser's bound).
    public static let maximumHeaderLength = 100_000_000

    public let path: String
    /// Tensors in data-buffer order.
    public let tensors: [TensorInfo]
    /// `__metadata__`, string to string.
    public let metadata: [String: String]
    private let byName: [String: Int]
    private let mapping: UnsafeRawBufferPointer
    private let dataStart: Int

    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw TensorsError(.io, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            throw TensorsError(.io, file: path, "cannot stat: \(String(cString: strerror(errno)))")
        }
        let size = Int(status.st_size)
        guard size >= 8 else {
            throw TensorsError(.headerLength, file: path, "header length missing: the file has \(size) bytes, fewer than 8")
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw TensorsError(.io, file: path, "cannot map \(size) bytes: \(String(cString: strerror(errno)))")
        }
        let mapping = UnsafeRawBufferPointer(start: base, count: size)
        do {
            let parsed = try SafetensorsFile.parse(mapping, path: path)
            self.mapping = mapping
            self.tensors = parsed.tensors
            self.metadata = parsed.metadata
            self.dataStart = parsed.dataStart
            var byName: [String: Int] = [:]
            for (index, info) in parsed.tensors.enumerated() { byName[info.name] = index }
            self.byName = byName
        } catch {
            munmap(base, size)
            throw error
        }
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count)
    }

    public func info(_ name: String) -> TensorInfo? {
        byName[name].map { tensors[$0] }
    }

    /// The raw bytes of a tensor, valid while this file is alive. No alignment is promised.
    public func bytes(of info: TensorInfo) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: mapping[(dataStart + info.begin)..<(dataStart + info.end)])
    }

    /// Drops a tensor's pages from this process (`madvise(MADV_DONTNEED)`; for a read-only
    /// private map this only unmaps them, they stay in the page cache), so resident memory
    /// follows the tensors in use, not everything mapped.
    public func release(_ info: TensorInfo) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (dataStart + info.begin) / page * page
        let length = dataStart + info.end - start
        guard length > 0, let base = mapping.baseAddress else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), length, MADV_DONTNEED)
    }

    // MARK: - Validation

    struct Parsed {
        var tensors: [TensorInfo]
        var metadata: [String: String]
        var dataStart: Int
    }

    static func parse(_ file: UnsafeRawBufferPointer, path: String) throws -> Parsed {
        var length: UInt64 = 0
        for i in 0..<8 { length |= UInt64(file[i]) << (8 * UInt64(i)) }
        let available = file.count - 8
        guard length <= UInt64(maximumHeaderLength) else {
            throw TensorsError(.headerLength, file: path, "header length \(length) exceeds the limit of \(maximumHeaderLength) bytes")
        }
        guard length <= UInt64(available) else {
            throw TensorsError(.headerLength, file: path, "header length \(length) exceeds the \(available) bytes after the length field")
        }
        let headerLength = Int(length)
        let header = UnsafeRawBufferPointer(rebasing: file[8..<(8 + headerLength)])
        guard JSONValue.isValidUTF8(header) else {
            throw TensorsError(.invalidHeader, file: path, "invalid header: not UTF-8")
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes: header)
        } catch {
            // The parser refuses a repeated key (keys compared unescaped, so "w" and "\u0077"
            // are one name); at the top level that is a tensor named twice.
            if let duplicate = JSONValue.duplicateKey(error), duplicate.depth == 1 {
                throw TensorsError(.duplicateTensor, file: path, tensor: duplicate.key, "duplicate tensor name in the header")
            }
            throw TensorsError(.invalidHeader, file: path, "invalid header: not JSON (\(error))")
        }
        guard case .object(let entries) = json else {
            throw TensorsError(.invalidHeader, file: path, "invalid header: not a JSON object")
        }

        var metadata: [String: String] = [:]
        var tensors: [TensorInfo] = []
        tensors.reserveCapacity(entries.count)
        for (name, value) in entries {
            if name == "__metadata__" {
                guard case .object(let fields) = value else {
                    throw TensorsError(.invalidHeader, file: path, "invalid header: __metadata__ is not an object")
                }
                for (key, field) in fields {
                    guard let text = field.string else {
                        throw TensorsError(.invalidHeader, file: path, "invalid header: __metadata__.\(key) is not a string")
                    }
                    metadata[key] = text
                }
                continue
            }
            tensors.append(try tensorInfo(name: name, value, path: path))
        }

        tensors.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var expected = 0
        for info in tensors {
            if info.begin > expected {
                throw TensorsError(.hole, file: path, tensor: info.name, "hole in the data buffer: bytes \(expected)..<\(info.begin) belong to no tensor")
            }
            if info.begin < expected {
                throw TensorsError(.overlap, file: path, tensor: info.name, "overlap: the tensor starts at byte \(info.begin), inside the previous tensor (which ends at \(expected))")
            }
            expected = info.end
        }
        let buffer = available - headerLength
        if expected != buffer {
            throw TensorsError(.bufferLength, file: path, "buffer length: the tensors cover \(expected) bytes but the data buffer has \(buffer)")
        }
        return Parsed(tensors: tensors, metadata: metadata, dataStart: 8 + headerLength)
    }

    private static func tensorInfo(name: String, _ value: JSONValue, path: String) throws -> TensorInfo {
        guard case .object(let fields) = value else {
            throw TensorsError(.invalidHeader, file: path, tensor: name, "invalid header: the entry is not an object")
        }
        for key in fields.keys where !["dtype", "shape", "data_offsets"].contains(key) {
            throw TensorsError(.invalidHeader, file: path, tensor: name, "invalid header: unknown key \"\(key)\" (expected dtype, shape, data_offsets)")
        }
        guard let dtypeName = fields["dtype"]?.string else {
            throw TensorsError(.invalidHeader, file: path, tensor: name, "invalid header: dtype missing or not a string")
        }
        guard let dtype = DType(rawValue: dtypeName) else {
            let known = DType.allCases.map(\.rawValue).joined(separator: " ")
            throw TensorsError(.unknownDType, file: path, tensor: name, "unknown dtype \"\(dtypeName)\" (known: \(known))")
        }
        guard case .array(let dims)? = fields["shape"] else {
            throw TensorsError(.invalidHeader, file: path, tensor: name, "invalid header: shape missing or not an array")
        }
        var shape: [Int] = []
        var count = 1
        var overflow = false
        for dim in dims {
            guard case .int(let d) = dim else {
                if case .double(let value) = dim, value == value.rounded(), abs(value) >= 9.2e18 {
                    throw TensorsError(.shapeOverflow, file: path, tensor: name, "shape overflows: dimension \(dim.jsonText) does not fit in 64 bits")
                }
                throw TensorsError(.invalidHeader, file: path, tensor: name, "invalid header: shape holds \(dim.jsonText), not an integer")
            }
            guard d >= 0 else {
                throw TensorsError(.shapeOverflow, file: path, tensor: name, "shape overflows: negative dimension \(d)")
            }
            shape.append(d)
            let (product, over) = count.multipliedReportingOverflow(by: d)
            overflow = overflow || over
            count = product
        }
        let (bytes, over) = count.multipliedReportingOverflow(by: dtype.size)
        if overflow || over {
            throw TensorsError(.shapeOverflow, file: path, tensor: name, "shape overflows: \(shape) × \(dtype.size) bytes does not fit in 64 bits")
        }
        guard fields["data_offsets"] != nil else {
            throw TensorsError(.invalidHeader, file: path, tensor: name, "invalid header: data_offsets missing")
        }
        guard case .array(let offsets)? = fields["data_offsets"], offsets.count == 2,
              case .int(let begin) = offsets[0], case .int(let end) = offsets[1], begin >= 0, begin <= end
        else {
            throw TensorsError(.invalidOffsets, file: path, tensor: name, "invalid offsets: data_offsets must be [begin, end] with 0 ≤ begin ≤ end, found \(fields["data_offsets"]?.jsonText ?? "nothing")")
        }
        guard end - begin == bytes else {
            throw TensorsError(.spanMismatch, file: path, tensor: name, "span does not match shape: data_offsets cover \(end - begin) bytes, shape \(shape) of \(dtype.rawValue) needs \(bytes)")
        }
        return TensorInfo(name: name, dtype: dtype, shape: shape, begin: begin, end: end)
    }
}
