import Foundation
import M2RLCore

/// Writes a checkpoint whose tensors are known in advance, in any order and from any thread.
///
/// The layout is planned on creation: tensors fill shards of at most `shardSize` bytes in the
/// given order (a larger tensor gets a shard of its own); inside a shard they are grouped by
/// element size, largest first, so each starts at a multiple of its element size, and the
/// header is padded with spaces so the data starts at a multiple of 8. Each shard is created
/// at its final size with its header, and `write` puts a tensor's bytes at their offset
/// (`pwrite`). Files are written as `NAME.partial` and renamed by `finish`, so an interrupted
/// merge never leaves a checkpoint that looks complete.
public final class CheckpointWriter: @unchecked Sendable {
    public struct Tensor: Sendable, Hashable {
        public var name: String
        public var dtype: DType
        public var shape: [Int]
        public init(name: String, dtype: DType, shape: [Int]) {
            self.name = name
            self.dtype = dtype
            self.shape = shape
        }
        public var byteCount: Int { shape.reduce(1, *) * dtype.size }
    }

    struct Placement {
        var shard: Int
        var offset: Int
        var byteCount: Int
    }

    struct Shard {
        var name: String
        var descriptor: Int32
        var dataStart: Int
    }

    public let directory: String
    /// The shard files' names, in order.
    public var shardNames: [String] { shards.map(\.name) }
    private var shards: [Shard] = []
    private var placements: [String: Placement] = [:]
    private let tensors: [Tensor]
    private let metadata: [String: String]

    /// - Parameters:
    ///   - shardSize: the most tensor bytes per shard (at least 1).
    ///   - metadata: written as every shard's `__metadata__` (`format: pt` is added).
    /// - Throws: `TensorsError.io` when a file cannot be created.
    public init(directory: String, tensors: [Tensor], shardSize: Int, metadata: [String: String] = [:]) throws {
        precondition(shardSize > 0)
        self.directory = directory
        self.tensors = tensors
        var meta = metadata
        meta["format"] = meta["format"] ?? "pt"
        self.metadata = meta
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)

        var groups: [[Tensor]] = [[]]
        var used = 0
        for tensor in tensors {
            if !groups[groups.count - 1].isEmpty && used + tensor.byteCount > shardSize {
                groups.append([])
                used = 0
            }
            groups[groups.count - 1].append(tensor)
            used += tensor.byteCount
        }
        if groups.count == 1 && groups[0].isEmpty { groups = [[]] }
        for (shardIndex, group) in groups.enumerated() {
            let name = groups.count == 1
                ? Checkpoint.singleName
                : String(format: "model-%05d-of-%05d.safetensors", shardIndex + 1, groups.count)
            let ordered = group.enumerated().sorted { ($1.element.dtype.size, $0.offset) < ($0.element.dtype.size, $1.offset) }.map(\.element)
            var entries: [String: JSONValue] = ["__metadata__": .object(self.metadata.mapValues { .string($0) })]
            var offset = 0
            for tensor in ordered {
                entries[tensor.name] = .object([
                    "dtype": .string(tensor.dtype.rawValue),
                    "shape": .array(tensor.shape.map { .int($0) }),
                    "data_offsets": .array([.int(offset), .int(offset + tensor.byteCount)]),
                ])
                placements[tensor.name] = Placement(shard: shardIndex, offset: offset, byteCount: tensor.byteCount)
                offset += tensor.byteCount
            }
            var header = Array(JSONValue.object(entries).jsonText.utf8)
            while (8 + header.count) % 8 != 0 { header.append(UInt8(ascii: " ")) }
            let path = (directory as NSString).appendingPathComponent(name + ".partial")
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw TensorsError(.io, file: path, "cannot create: \(String(cString: strerror(errno)))")
            }
            shards.append(Shard(name: name, descriptor: fd, dataStart: 8 + header.count))
            var prefix = [UInt8](repeating: 0, count: 8)
            for i in 0..<8 { prefix[i] = UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * UInt64(i))) }
            prefix += header
            try writeAll(fd, prefix, at: 0, path: path)
            guard ftruncate(fd, off_t(8 + header.count + offset)) == 0 else {
                throw TensorsError(.io, file: path, "cannot size to \(8 + header.count + offset) bytes: \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        for shard in shards where shard.descriptor >= 0 { close(shard.descriptor) }
    }

    /// Writes one tensor's bytes (exactly its planned size). Safe from several threads.
    public func write(_ name: String, bytes: UnsafeRawBufferPointer) throws {
        guard let place = placements[name] else {
            preconditionFailure("tensor \(name) was not planned")
        }
        precondition(bytes.count == place.byteCount, "tensor \(name): \(bytes.count) bytes, planned \(place.byteCount)")
        let shard = shards[place.shard]
        let path = (directory as NSString).appendingPathComponent(shard.name + ".partial")
        try writeAll(shard.descriptor, bytes, at: shard.dataStart + place.offset, path: path)
    }

    /// Writes part of a tensor: `bytes` at `byteOffset` inside the tensor's planned span.
    public func write(_ name: String, bytes: UnsafeRawBufferPointer, at byteOffset: Int) throws {
        guard let place = placements[name] else {
            preconditionFailure("tensor \(name) was not planned")
        }
        precondition(byteOffset >= 0 && byteOffset + bytes.count <= place.byteCount, "tensor \(name): write past its span")
        let shard = shards[place.shard]
        let path = (directory as NSString).appendingPathComponent(shard.name + ".partial")
        try writeAll(shard.descriptor, bytes, at: shard.dataStart + place.offset + byteOffset, path: path)
    }

    /// Closes the shards, renames them into place and writes the index when there are several.
    public func finish() throws {
        for index in shards.indices {
            let partial = (directory as NSString).appendingPathComponent(shards[index].name + ".partial")
            let final = (directory as NSString).appendingPathComponent(shards[index].name)
            if close(shards[index].descriptor) != 0 {
                throw TensorsError(.io, file: partial, "close failed: \(String(cString: strerror(errno)))")
            }
            shards[index].descriptor = -1
            guard rename(partial, final) == 0 else {
                throw TensorsError(.io, file: final, "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        }
        let indexPath = (directory as NSString).appendingPathComponent(Checkpoint.indexName)
        if shards.count > 1 {
            var weightMap: [String: JSONValue] = [:]
            for (name, place) in placements { weightMap[name] = .string(shards[place.shard].name) }
            let total = tensors.reduce(0) { $0 + $1.byteCount }
            let index: JSONValue = ["metadata": ["total_size": .int(total)], "weight_map": .object(weightMap)]
            try Data((index.jsonText + "\n").utf8).write(to: URL(fileURLWithPath: indexPath))
        } else {
            try? FileManager.default.removeItem(atPath: indexPath)
        }
    }

    /// Removes the partial files (after a failure).
    public func abandon() {
        for index in shards.indices {
            if shards[index].descriptor >= 0 { close(shards[index].descriptor) }
            shards[index].descriptor = -1
            unlink((directory as NSString).appendingPathComponent(shards[index].name + ".partial"))
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw TensorsError(.io, file: path, "write failed at byte \(offset + done): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0, at: offset, path: path) }
    }

    /// Files besides the weights that make a folder a usable checkpoint: copied from the base.
    public static let auxiliaryFiles = [
        "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json",
        "vocab.json", "merges.txt", "tokenizer.model", "added_tokens.json", "chat_template.jinja",
    ]

    /// Copies `config.json` (with `torch_dtype` set to `dtype` when given) and the tokenizer and
    /// generation files present in `source` into `directory`.
    public static func copyAuxiliaryFiles(from source: String, to directory: String, torchDType: String?) throws {
        let manager = FileManager.default
        let configSource = (source as NSString).appendingPathComponent("config.json")
        let configTarget = (directory as NSString).appendingPathComponent("config.json")
        if let data = manager.contents(atPath: configSource) {
            var output = data
            if let torchDType,
               var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
                object["torch_dtype"] = torchDType
                output = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            }
            try output.write(to: URL(fileURLWithPath: configTarget))
        }
        for name in auxiliaryFiles {
            let from = (source as NSString).appendingPathComponent(name)
            let to = (directory as NSString).appendingPathComponent(name)
            guard manager.fileExists(atPath: from) else { continue }
            try? manager.removeItem(atPath: to)
            try manager.copyItem(atPath: from, toPath: to)
        }
    }
}
