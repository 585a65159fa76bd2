import Foundation
import M2RLCore

/// A Hugging Face checkpoint folder: `model.safetensors`, or the shards that
/// `model.safetensors.index.json` lists, plus `config.json`. A path to a single `.safetensors`
/// file is accepted too.
///
/// Every file is mapped and validated on open; the index is checked against the shards (every
/// listed tensor is in the file named, no tensor in two shards, no unlisted tensor).
public final class Checkpoint: @unchecked Sendable {
    /// One tensor and the file that holds it.
    public struct Entry: Sendable {
        public var info: TensorInfo
        public var file: SafetensorsFile
        public var name: String { info.name }
        public var dtype: DType { info.dtype }
        public var shape: [Int] { info.shape }
        public var count: Int { info.count }
        public var bytes: UnsafeRawBufferPointer { file.bytes(of: info) }
        /// Drops the tensor's pages from the process (they stay in the page cache), so that
        /// resident memory follows what is being read, not everything mapped.
        public func release() { file.release(info) }
    }

    public static let indexName = "model.safetensors.index.json"
    public static let singleName = "model.safetensors"

    /// The folder (or the file, when opened from one).
    public let path: String
    /// The folder that holds `config.json` and the tokenizer files.
    public let directory: String
    public let files: [SafetensorsFile]
    /// Tensors in file order, then offset order within each file.
    public let entries: [Entry]
    /// The index's `metadata` (empty for a single file).
    public let indexMetadata: [String: JSONValue]
    private let byName: [String: Int]

    public init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TensorsError(.io, file: path, "no such checkpoint (a folder with model.safetensors or \(Checkpoint.indexName), or a .safetensors file)")
        }
        var files: [SafetensorsFile] = []
        var metadata: [String: JSONValue] = [:]
        var weightMap: [String: String]? = nil
        if !isDirectory.boolValue {
            directory = (path as NSString).deletingLastPathComponent
            files = [try SafetensorsFile(path: path)]
        } else {
            directory = path
            let indexPath = (path as NSString).appendingPathComponent(Checkpoint.indexName)
            let singlePath = (path as NSString).appendingPathComponent(Checkpoint.singleName)
            if FileManager.default.fileExists(atPath: indexPath) {
                let parsed = try Checkpoint.readIndex(indexPath)
                metadata = parsed.metadata
                weightMap = parsed.weightMap
                for shard in Set(parsed.weightMap.values).sorted() {
                    guard !shard.contains("/"), shard != "..", shard != "." else {
                        throw TensorsError(.invalidIndex, file: indexPath, "shard name \"\(shard)\" must be a file name in the checkpoint's folder")
                    }
                    files.append(try SafetensorsFile(path: (path as NSString).appendingPathComponent(shard)))
                }
            } else if FileManager.default.fileExists(atPath: singlePath) {
                files = [try SafetensorsFile(path: singlePath)]
            } else {
                let found = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".safetensors") }.sorted()
                guard !found.isEmpty else {
                    throw TensorsError(.io, file: path, "no \(Checkpoint.singleName), no \(Checkpoint.indexName) and no .safetensors file in the folder")
                }
                guard found.count == 1 else {
                    throw TensorsError(.io, file: path, "\(found.count) .safetensors files but no \(Checkpoint.indexName) to say how they form one checkpoint")
                }
                files = [try SafetensorsFile(path: (path as NSString).appendingPathComponent(found[0]))]
            }
        }
        var entries: [Entry] = []
        var byName: [String: Int] = [:]
        for file in files {
            let fileName = (file.path as NSString).lastPathComponent
            for info in file.tensors {
                if let other = byName[info.name] {
                    throw TensorsError(.duplicateTensor, file: file.path, tensor: info.name, "also in \(entries[other].file.path): a tensor may be in one shard only")
                }
                if let weightMap, weightMap[info.name] != fileName {
                    let listed = weightMap[info.name].map { "the index places it in \($0)" } ?? "the index does not list it"
                    throw TensorsError(.invalidIndex, file: file.path, tensor: info.name, "found in \(fileName), but \(listed)")
                }
                byName[info.name] = entries.count
                entries.append(Entry(info: info, file: file))
            }
        }
        if let weightMap {
            for (name, shard) in weightMap.sorted(by: { $0.key < $1.key }) where byName[name] == nil {
                throw TensorsError(.missingTensor, file: (path as NSString).appendingPathComponent(shard), tensor: name, "listed in \(Checkpoint.indexName) but not in the shard")
            }
        }
        self.files = files
        self.entries = entries
        self.byName = byName
        self.indexMetadata = metadata
    }

    public func entry(_ name: String) -> Entry? {
        byName[name].map { entries[$0] }
    }

    /// Total bytes of tensor data.
    public var totalBytes: Int { entries.reduce(0) { $0 + $1.info.byteCount } }

    /// `config.json` next to the weights, parsed, when present.
    public func config() throws -> JSONValue? {
        let configPath = (directory as NSString).appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: configPath) else { return nil }
        do {
            return try data.withUnsafeBytes { try JSONValue.parse(bytes: $0) }
        } catch {
            throw TensorsError(.io, file: configPath, "not valid JSON: \(error)")
        }
    }

    private static func readIndex(_ indexPath: String) throws -> (metadata: [String: JSONValue], weightMap: [String: String]) {
        guard let data = FileManager.default.contents(atPath: indexPath) else {
            throw TensorsError(.io, file: indexPath, "cannot read the index")
        }
        let json: JSONValue
        do {
            json = try data.withUnsafeBytes { try JSONValue.parse(bytes: $0) }
        } catch {
            throw TensorsError(.invalidIndex, file: indexPath, "not valid JSON: \(error)")
        }
        guard case .object(let map)? = json["weight_map"] else {
            throw TensorsError(.invalidIndex, file: indexPath, "weight_map missing or not an object")
        }
        var weightMap: [String: String] = [:]
        for (name, value) in map {
            guard let shard = value.string else {
                throw TensorsError(.invalidIndex, file: indexPath, tensor: name, "weight_map value is not a file name")
            }
            weightMap[name] = shard
        }
        guard !weightMap.isEmpty else {
            throw TensorsError(.invalidIndex, file: indexPath, "weight_map is empty: the index lists no tensor")
        }
        var metadata: [String: JSONValue] = [:]
        if case .object(let fields)? = json["metadata"] { metadata = fields }
        return (metadata, weightMap)
    }
}
