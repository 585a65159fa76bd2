import Foundation
import M2RLCore
import Testing
@testable import M2RLTensors

/// A fresh temporary folder per call.
func scratchFolder(_ label: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("m2rl-tensors-\(getpid())-\(label)-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
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
        var description: String { file }
    }

    static let cases: [Case] = {
        guard let text = try? String(contentsOfFile: folder + "/hostile.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let value = try? JSONValue.parse(String(line)), let file = value["file"]?.string else { return nil }
            return Case(file: file, error: value["error"]?.string, tensor: value["tensor"]?.string)
        }
    }()

    @Test("the fixture list exists and covers every validation rule")
    func listed() {
        #expect(HostileTensorTests.cases.count >= 14, "\(HostileTensorTests.folder)/hostile.jsonl: \(HostileTensorTests.cases.count) cases")
    }

    @Test("each file gives its error, naming the file and tensor; valid ones read", arguments: HostileTensorTests.cases)
    func hostile(_ item: Case) throws {
        let path = HostileTensorTests.folder + "/hostile/" + item.file
        guard let expected = item.error else {
            let file = try SafetensorsFile(path: path)
            for info in file.tensors where info.dtype.isFloatingPoint {
                var values = [Float](repeating: 0, count: info.count)
                values.withUnsafeMutableBufferPointer { TensorData.decode(file.bytes(of: info), info.dtype, into: $0) }
                #expect(values.allSatisfy { !$0.isNaN }, "\(item.file): \(info.name)")
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
