import Foundation
import M2RLCore
import Testing
import M2RLTestSupport
@testable import M2RLTensors

/// A fresh temporary folder per call (removed at the latest when the tests end).
func scratchFolder(_ label: String) throws -> String {
    try TemporaryFolder.make("tensors-\(label)")
}

/// Writes a safetensors file by hand: `header` is the JSON text, `data` the buffer.
func rawSafetensors(_ path: String, header: String, data: [UInt8], lengthOverride: UInt64? = nil) throws {
    let headerBytes = Array(header.utf8)
    let length = lengthOverride ?? UInt64(headerBytes.count)
    var bytes: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) }
    bytes += headerBytes + data
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

@Suite("Tensors: dtype conversions")
struct DTypeTests {
    @Test("F32 → BF16 rounds to nearest, ties to even, and keeps NaN quiet")
    func bf16Rounding() {
        // 1 + 2^-8 is exactly halfway between BF16 1.0 and 1.0078125: ties go to the even 1.0.
        #expect(FloatConversion.bf16(Float(bitPattern: 0x3F80_8000)) == 0x3F80)
        // 1.0078125 + 2^-8 is halfway to 1.015625: the even neighbour is up.
        #expect(FloatConversion.bf16(Float(bitPattern: 0x3F81_8000)) == 0x3F82)
        #expect(FloatConversion.bf16(Float(bitPattern: 0x3F80_8001)) == 0x3F81)
        #expect(FloatConversion.bf16(Float(bitPattern: 0x3F80_7FFF)) == 0x3F80)
        #expect(FloatConversion.bf16(-Float(bitPattern: 0x3F80_8001)) == 0xBF81)
        let nan = FloatConversion.bf16(Float(bitPattern: 0x7F80_0001))
        #expect(Float(bitPattern: UInt32(nan) << 16).isNaN)
        #expect(FloatConversion.bf16(Float.infinity) == 0x7F80)
        // The largest F32 rounds up to infinity in BF16, as round-to-nearest requires.
        #expect(FloatConversion.bf16(Float.greatestFiniteMagnitude) == 0x7F80)
        for bits: UInt16 in [0x0000, 0x8000, 0x3F80, 0x0001, 0x7F7F, 0xC2F7] {
            #expect(FloatConversion.bf16(FloatConversion.float(bf16: bits)) == bits)
        }
    }

    @Test("F64 → BF16 rounds once: no double-rounding error through F32")
    func bf16FromDoubleRoundsOnce() {
        // 1 + 2^-8 + 2^-30: above the BF16 midpoint, so it must round up to 1.0078125, but
        // rounding to F32 first lands exactly on the midpoint, which then ties down to 1.0.
        let value = 1.0 + 0x1p-8 + 0x1p-30
        #expect(FloatConversion.bf16(Float(value)) == 0x3F80)
        #expect(FloatConversion.bf16(value) == 0x3F81)
        #expect(FloatConversion.bf16(1.0 + 0x1p-8) == 0x3F80)
    }

    @Test("every floating type decodes from unaligned bytes and encodes back")
    func unalignedRoundTrip() {
        let values: [Float] = [0, -0.0, 1, -2.5, 3.140625, 65504, 1e-3]
        for dtype in [DType.f32, .f16, .bf16, .f64] {
            let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: values.count * dtype.size + 1, alignment: 8)
            defer { storage.deallocate() }
            let unaligned = UnsafeMutableRawBufferPointer(rebasing: storage[1...])
            values.withUnsafeBufferPointer { TensorData.encode($0, as: dtype, into: unaligned) }
            var decoded = [Float](repeating: .nan, count: values.count)
            decoded.withUnsafeMutableBufferPointer { TensorData.decode(UnsafeRawBufferPointer(unaligned), dtype, into: $0) }
            for (original, back) in zip(values, decoded) {
                let expected: Float = switch dtype {
                case .bf16: FloatConversion.float(bf16: FloatConversion.bf16(original))
                case .f16: Float(Float16(original))
                default: original
                }
                #expect(back.bitPattern == expected.bitPattern, "\(dtype) \(original)")
            }
        }
    }
}

/// Where the file system takes O_DIRECT (probed in `folder`) and the writer was asked to use
/// it, more than `atLeast` bytes went around the page cache; otherwise none did.
func expectDirect(_ writer: CheckpointWriter, direct: Bool, folder: String, atLeast: Int) {
    let probe = CheckpointWriter.directFlag.map { open(folder + "/probe", O_WRONLY | O_CREAT | $0, 0o644) } ?? -1
    if probe >= 0 { close(probe); unlink(folder + "/probe") }
    if direct && probe >= 0 {
        #expect(writer.bytesWrittenDirect > atLeast, "\(writer.bytesWrittenDirect) bytes direct")
    } else {
        #expect(writer.bytesWrittenDirect == 0)
    }
}

/// The checkpoint in `folder` holds `expected[i]` as the bytes of `tensors[i]`.
func expectWritten(_ folder: String, _ tensors: [CheckpointWriter.Tensor], _ expected: [[UInt8]], direct: Bool) throws {
    let checkpoint = try Checkpoint(path: folder)
    for (index, tensor) in tensors.enumerated() {
        let entry = try #require(checkpoint.entry(tensor.name))
        let read = Array(entry.bytes)
        // The first wrong byte is looked for only when there is one (12 MB, element by element,
        // is slow in a debug build), and named instead of printing the arrays.
        let same = read == expected[index]
        let firstDifference = same ? nil : zip(read, expected[index]).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(same, "\(tensor.name) (direct: \(direct)): \(read.count) bytes, first wrong byte at \(firstDifference ?? min(read.count, expected[index].count))")
    }
}

@Suite("Tensors: reading and writing checkpoints")
struct CheckpointTests {
    @Test("a sharded write reads back: same tensors, bytes, index, alignment")
    func shardedRoundTrip() throws {
        let folder = try scratchFolder("shards")
        let tensors: [CheckpointWriter.Tensor] = [
            .init(name: "a.weight", dtype: .bf16, shape: [3, 5]),
            .init(name: "b.ids", dtype: .i64, shape: [7]),
            .init(name: "c.bias", dtype: .f32, shape: [5]),
            .init(name: "d.flag", dtype: .bool, shape: [3]),
            .init(name: "e.big", dtype: .f16, shape: [9, 4]),
        ]
        let writer = try CheckpointWriter(directory: folder, tensors: tensors, shardSize: 64, metadata: ["origin": "test"])
        var expected: [String: [UInt8]] = [:]
        for (index, tensor) in tensors.enumerated().reversed() {
            let bytes = (0..<tensor.byteCount).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
            expected[tensor.name] = bytes
            try bytes.withUnsafeBytes { try writer.write(tensor.name, bytes: $0) }
        }
        try writer.finish()
        #expect(writer.shardNames.count > 1)
        let checkpoint = try Checkpoint(path: folder)
        #expect(checkpoint.entries.count == tensors.count)
        for tensor in tensors {
            let entry = try #require(checkpoint.entry(tensor.name))
            #expect(entry.dtype == tensor.dtype && entry.shape == tensor.shape)
            #expect(Array(entry.bytes) == expected[tensor.name])
            #expect(entry.info.begin % tensor.dtype.size == 0, "\(tensor.name) starts at \(entry.info.begin)")
        }
        for file in checkpoint.files {
            #expect(file.metadata["origin"] == "test" && file.metadata["format"] == "pt")
        }
        let index = try JSONValue.parse(String(contentsOfFile: folder + "/model.safetensors.index.json", encoding: .utf8))
        #expect(index["metadata"]?["total_size"]?.int == tensors.reduce(0) { $0 + $1.byteCount })
        #expect(!FileManager.default.fileExists(atPath: folder + "/model.safetensors"))
    }

    @Test("one shard is model.safetensors with no index; a data start that is not 8-aligned still reads")
    func singleAndUnaligned() throws {
        let folder = try scratchFolder("single")
        let writer = try CheckpointWriter(directory: folder, tensors: [.init(name: "w", dtype: .f32, shape: [2])], shardSize: 1 << 30)
        try [Float(1.5), -2].withUnsafeBytes { try writer.write("w", bytes: $0) }
        try writer.finish()
        #expect(FileManager.default.fileExists(atPath: folder + "/model.safetensors"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/model.safetensors.index.json"))

        // A 3-byte-longer header makes every tensor unaligned in memory.
        let path = folder + "/unaligned.safetensors"
        let floats: [Float] = [0.25, -8, 3]
        let data = floats.withUnsafeBytes { Array($0) }
        try rawSafetensors(path, header: #"{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,12]}}   "#, data: data)
        let file = try SafetensorsFile(path: path)
        let info = try #require(file.info("x"))
        var decoded = [Float](repeating: 0, count: 3)
        decoded.withUnsafeMutableBufferPointer { TensorData.decode(file.bytes(of: info), .f32, into: $0) }
        #expect(decoded == floats)
    }

    @Test("large writes at unaligned offsets, in pieces from two threads, read back exactly (around the page cache and through it)",
          arguments: [true, false])
    func largeUnalignedWrites(direct: Bool) throws {
        let folder = try scratchFolder("large-\(direct)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A 3-byte tensor first, so the large one starts at no page or block boundary; 3,000,001
        // floats span several bounce buffers with unaligned ends.
        let tensors: [CheckpointWriter.Tensor] = [
            .init(name: "a.ids", dtype: .u8, shape: [3]),
            .init(name: "b.weight", dtype: .f32, shape: [3_000_001]),
            .init(name: "c.weight", dtype: .bf16, shape: [70_001]),
        ]
        let writer = try CheckpointWriter(directory: folder, tensors: tensors, shardSize: 1 << 30, direct: direct)
        let expected = tensors.enumerated().map { index, tensor in
            (0..<tensor.byteCount).map { UInt8(truncatingIfNeeded: ($0 &* 131) ^ ($0 >> 9) &+ index) }
        }
        try expected[0].withUnsafeBytes { try writer.write("a.ids", bytes: $0) }
        try expected[2].withUnsafeBytes { try writer.write("c.weight", bytes: $0) }
        // b in uneven pieces (one of them larger than a bounce buffer), half from another thread.
        let cuts = [0, 5, 1_000_003, 1_000_004, 6_500_001, 12_000_004]
        let pieces = (0..<(cuts.count - 1)).map { cuts[$0]..<cuts[$0 + 1] }
        let failures = Counter()
        let other = Thread {
            for piece in pieces where piece.lowerBound % 2 == 1 {
                do { try expected[1][piece].withUnsafeBytes { try writer.write("b.weight", bytes: $0, at: piece.lowerBound) } } catch { failures.add() }
            }
        }
        other.start()
        for piece in pieces where piece.lowerBound % 2 == 0 {
            try expected[1][piece].withUnsafeBytes { try writer.write("b.weight", bytes: $0, at: piece.lowerBound) }
        }
        while !other.isFinished { usleep(1000) }
        try writer.finish()
        #expect(failures.value == 0)
        // Most of b went around the page cache where it could.
        expectDirect(writer, direct: direct, folder: folder, atLeast: 11_000_000)
        try expectWritten(folder, tensors, expected, direct: direct)
        #expect(!FileManager.default.fileExists(atPath: folder + "/model.safetensors.partial"))
    }

    @Test("whole tensors handed over in tensor buffers, from two threads, read back exactly; a written buffer serves a later tensor",
          arguments: [true, false])
    func tensorBuffers(direct: Bool) throws {
        let folder = try scratchFolder("buffers-\(direct)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Odd sizes first, so the tensors start at many offsets within a page; some shorter than
        // a direct write, some spanning several pieces.
        let tensors: [CheckpointWriter.Tensor] = [
            .init(name: "a.ids", dtype: .u8, shape: [3]),
            .init(name: "b.weight", dtype: .f32, shape: [2_500_003]),
            .init(name: "c.weight", dtype: .bf16, shape: [70_001]),
            .init(name: "d.bias", dtype: .bf16, shape: [5]),
            .init(name: "e.weight", dtype: .bf16, shape: [1_100_001]),
            .init(name: "f.weight", dtype: .f32, shape: [300_007]),
        ]
        let writer = try CheckpointWriter(directory: folder, tensors: tensors, shardSize: 1 << 30, direct: direct)
        let expected = tensors.enumerated().map { index, tensor in
            (0..<tensor.byteCount).map { UInt8(truncatingIfNeeded: ($0 &* 197) ^ ($0 >> 11) &+ 7 &* index) }
        }
        @Sendable func hand(_ index: Int) throws {
            let buffer = writer.makeBuffer(for: tensors[index].name)
            #expect(buffer.bytes.count == expected[index].count)
            expected[index].withUnsafeBytes { buffer.bytes.copyMemory(from: $0) }
            try writer.writeInBackground(tensors[index].name, owning: buffer)
        }
        let failures = Counter()
        let other = Thread {
            for index in [1, 3, 5] { do { try hand(index) } catch { failures.add() } }
        }
        other.start()
        for index in [0, 2, 4] { try hand(index) }
        while !other.isFinished { usleep(1000) }

        // Once written, a buffer is given out again for a tensor that fits in it (polled: the
        // writes are behind); each new buffer given out meanwhile is written too.
        var handed: [TensorBuffer] = []
        var reused = false
        let deadline = Date().addingTimeInterval(10)
        while !reused && Date() < deadline {
            let buffer = writer.makeBuffer(for: "c.weight")
            reused = handed.contains { $0 === buffer }
            handed.append(buffer)
            expected[2].withUnsafeBytes { buffer.bytes.copyMemory(from: $0) }
            try writer.writeInBackground("c.weight", owning: buffer)
            if !reused { usleep(1000) }
        }
        #expect(reused, "no written buffer was given out again within 10 s (\(handed.count) made)")
        try writer.finish()
        #expect(failures.value == 0)
        expectDirect(writer, direct: direct, folder: folder, atLeast: 12_000_000)
        try expectWritten(folder, tensors, expected, direct: direct)
    }

    @Test("a write behind that fails is thrown by the next hand-over and by finish, naming the file", arguments: [true, false])
    func failedWriteBehind(direct: Bool) throws {
        let folder = try scratchFolder("failing-\(direct)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tensors: [CheckpointWriter.Tensor] = [
            .init(name: "a.ids", dtype: .u8, shape: [3]),
            .init(name: "b.weight", dtype: .f32, shape: [1_000_003]),
            .init(name: "c.weight", dtype: .f32, shape: [1_000_003]),
        ]
        let writer = try CheckpointWriter(directory: folder, tensors: tensors, shardSize: 1 << 30, direct: direct)
        let partial = folder + "/model.safetensors.partial"
        // The writer's descriptors of the shard (found through /proc) become read-only ones, so
        // every write to it fails (EBADF) from here on.
        let readOnly = open(partial, O_RDONLY)
        #expect(readOnly >= 0)
        defer { close(readOnly) }
        var replaced = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            guard let fd = Int32(name), fd != readOnly,
                  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")) == partial else { continue }
            #expect(dup2(readOnly, fd) == fd)
            replaced += 1
        }
        // The buffered descriptor, and the direct one where the file system takes O_DIRECT.
        #expect((1...2).contains(replaced) && (direct || replaced == 1), "\(replaced) descriptors replaced")
        let buffer = writer.makeBuffer(for: "b.weight")
        buffer.bytes.initializeMemory(as: UInt8.self, repeating: 7)
        do {
            try writer.writeInBackground("b.weight", owning: buffer)
        } catch {
            // Where the write is made at once (no direct descriptor), it may fail here already.
        }
        // Some later call reports it: a hand-over once the failure is known, or finish.
        var thrown: TensorsError?
        let deadline = Date().addingTimeInterval(10)
        while thrown == nil && Date() < deadline {
            let next = writer.makeBuffer(for: "c.weight")
            do { try writer.writeInBackground("c.weight", owning: next) } catch let error as TensorsError { thrown = error }
            usleep(2_000)
        }
        #expect(thrown?.kind == .io && thrown?.file == partial, "\(String(describing: thrown))")
        #expect(thrown?.message.contains("write failed at byte") == true, "\(String(describing: thrown))")
        #expect(throws: TensorsError.self) { try writer.finish() }
        #expect(!FileManager.default.fileExists(atPath: folder + "/model.safetensors"), "a failed checkpoint must not look complete")
    }

    @Test("a partial product that overflows is refused even when a later dimension is 0")
    func partialProductOverflow() throws {
        let folder = try scratchFolder("overflow")
        try rawSafetensors(folder + "/x.safetensors", header: #"{"w":{"dtype":"F32","shape":[4294967296,4294967296,0],"data_offsets":[0,0]}}"#, data: [])
        #expect { try SafetensorsFile(path: folder + "/x.safetensors") } throws: { error in
            (error as? TensorsError)?.kind == .shapeOverflow && (error as? TensorsError)?.tensor == "w"
        }
    }

    @Test("a key repeated inside a tensor's entry is an invalid header, not a duplicate tensor")
    func nestedDuplicate() throws {
        let folder = try scratchFolder("nested")
        try rawSafetensors(folder + "/x.safetensors", header: #"{"w":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])
        #expect { try SafetensorsFile(path: folder + "/x.safetensors") } throws: { error in
            (error as? TensorsError)?.kind == .invalidHeader && "\(error)".contains("duplicate key \"dtype\"")
        }
    }

    @Test("an index that names a missing tensor, or a shard with an unlisted one, is an error")
    func indexChecks() throws {
        let folder = try scratchFolder("index")
        try rawSafetensors(folder + "/one.safetensors", header: #"{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}"#, data: [7])
        try #"{"weight_map": {"a": "one.safetensors", "b": "one.safetensors"}}"#.write(toFile: folder + "/model.safetensors.index.json", atomically: true, encoding: .utf8)
        #expect { try Checkpoint(path: folder) } throws: { ($0 as? TensorsError)?.kind == .missingTensor && "\($0)".contains("\"b\"") }
        try #"{"weight_map": {}}"#.write(toFile: folder + "/model.safetensors.index.json", atomically: true, encoding: .utf8)
        #expect(throws: TensorsError.self) { try Checkpoint(path: folder) }
    }
}

/// testcases/tensors/hostile.jsonl: each hostile file and the error it must give.
@Suite("Tensors: hostile safetensors files (testcases/tensors)")
struct HostileTensorTests {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/testcases/tensors"
    }()

    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var error: String?
        var tensor: String?
        /// For valid files: the metadata and every tensor's dtype, shape and values.
        var expect: JSONValue?
        var description: String { file }
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOfFile: folder + "/hostile.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let value = try? JSONValue.parse(String(line)), let file = value["file"]?.string else { return nil }
            return Case(file: file, error: value["error"]?.string, tensor: value["tensor"]?.string, expect: value["expect"])
        }
    }()

    /// A tensor's values as Doubles (integers and booleans too), read from its bytes.
    static func values(_ bytes: UnsafeRawBufferPointer, _ info: TensorInfo) -> [Double] {
        (0..<info.count).map { i -> Double in
            switch info.dtype {
            case .f64: Double(bitPattern: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
            case .f32: Double(Float(bitPattern: bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
            case .f16: Double(Float16(bitPattern: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
            case .bf16: Double(FloatConversion.float(bf16: bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
            case .i64: Double(bytes.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))
            case .i32: Double(bytes.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))
            case .i16: Double(bytes.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))
            case .i8: Double(bytes.loadUnaligned(fromByteOffset: i, as: Int8.self))
            case .u64: Double(bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
            case .u32: Double(bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            case .u16: Double(bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
            case .u8, .bool: Double(bytes[i])
            }
        }
    }

    @Test("the fixture list exists and covers every validation rule")
    func listed() {
        let cases = HostileTensorTests.cases
        #expect(cases.count >= 30, "\(HostileTensorTests.folder)/hostile.jsonl: \(cases.count) cases")
        let rules = ["header length missing", "header length", "invalid header", "unknown dtype", "shape overflows", "invalid offsets",
                     "span does not match shape", "hole", "overlap", "buffer length", "duplicate tensor"]
        for rule in rules { #expect(cases.contains { $0.error?.hasPrefix(rule) == true }, "no fixture for \(rule)") }
        #expect(cases.contains { $0.error == nil }, "no valid fixture")
    }

    @Test("each file gives its error, naming the file and tensor; valid ones read", arguments: HostileTensorTests.cases)
    func hostile(_ item: Case) throws {
        let path = HostileTensorTests.folder + "/" + item.file
        guard let expected = item.error else {
            let file = try SafetensorsFile(path: path)
            let expect = try #require(item.expect, "\(item.file): a valid fixture lists what it holds")
            var metadata: [String: String] = [:]
            if case .object(let fields)? = expect["metadata"] { for (key, value) in fields { metadata[key] = value.string } }
            #expect(file.metadata == metadata, "\(item.file)")
            guard case .object(let tensors)? = expect["tensors"] else { Issue.record("\(item.file): no tensors listed"); return }
            #expect(Set(file.tensors.map(\.name)) == Set(tensors.keys), "\(item.file)")
            for (name, spec) in tensors {
                let info = try #require(file.info(name), "\(item.file): \(name)")
                #expect(info.dtype.rawValue == spec["dtype"]?.string && info.shape == spec["shape"]?.array?.compactMap(\.int), "\(item.file): \(name)")
                let want = spec["values"]?.array?.compactMap { $0.bool.map { $0 ? 1 : 0 } ?? $0.number } ?? []
                let got = HostileTensorTests.values(file.bytes(of: info), info)
                #expect(got == want, "\(item.file): \(name) \(got) ≠ \(want)")
                if info.dtype.isFloatingPoint {
                    var decoded = [Float](repeating: .nan, count: info.count)
                    decoded.withUnsafeMutableBufferPointer { TensorData.decode(file.bytes(of: info), info.dtype, into: $0) }
                    #expect(decoded.map { Double($0) } == got.map { Double(Float($0)) }, "\(item.file): \(name) through TensorData")
                }
            }
            return
        }
        do {
            _ = try SafetensorsFile(path: path)
            Issue.record("\(item.file): opened, but should fail with \(expected)")
        } catch let error as TensorsError {
            #expect(error.description.contains(expected), "\(item.file): \(error)")
            #expect(error.description.hasPrefix(path))
            if let tensor = item.tensor { #expect(error.tensor == tensor, "\(item.file): \(error)") }
        }
    }
}

/// A count several threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
