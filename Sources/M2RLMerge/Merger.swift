import Foundation
import M2RLCore
import M2RLTensors

/// Problems found while matching the checkpoints of a merge (missing tensors, shapes, dtypes),
/// all reported at once before anything is written.
public struct MergeError: M2RLError {
    public var problems: [String]
    public var code: String { "merge_failed" }
    public var description: String { problems.joined(separator: "\n") }
}

/// How a merge runs (not what it computes: results are the same for every setting).
public struct MergeOptions: Sendable {
    /// Worker threads (tensors merged at once).
    public var jobs: Int
    /// Elements per chunk: a tensor larger than this is processed in row chunks, re-read per pass.
    public var chunkLimit: Int
    /// Replace an output folder that already holds a checkpoint.
    public var overwrite: Bool
    /// Write `README.md`, a model card saying what was merged and how (`ModelCard`).
    public var modelCard: Bool
    /// Told, per tensor, how TIES over BF16 found its thresholds (tests check every way is taken).
    var observeFused: (@Sendable (String, FusedTiesOutcome) -> Void)? = nil

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, chunkLimit: Int = 1 << 14, overwrite: Bool = false,
                modelCard: Bool = true) {
        self.jobs = max(1, jobs)
        self.chunkLimit = max(1, chunkLimit)
        self.overwrite = overwrite
        self.modelCard = modelCard
    }
}

/// What a merge did.
public struct MergeSummary: Sendable {
    public var method: String
    public var output: String
    public var tensors: Int
    /// Floating tensors computed by the method.
    public var merged: Int
    /// Integer and boolean tensors copied from the base.
    public var copied: Int
    /// Tensors whose rows differed in some model (the embedding rule), with the models' shapes.
    public var reshaped: [String]
    public var shards: [String]
    public var bytes: Int
    public var seconds: Double

    public var json: JSONValue {
        [
            "method": .string(method), "output": .string(output), "tensors": .int(tensors), "merged": .int(merged),
            "copied": .int(copied), "reshaped": .array(reshaped.map { .string($0) }),
            "shards": .array(shards.map { .string($0) }), "bytes": .int(bytes), "seconds": .double(seconds),
        ]
    }
}

/// Runs a validated merge: opens every checkpoint, matches tensors, then merges tensor by
/// tensor on `jobs` threads (largest first), streaming from the memory maps into the writer.
public enum Merger {
    public static func run(_ config: MergeConfig, output: String, options: MergeOptions = .init(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> MergeSummary {
        let started = Date()
        let base = try config.baseModel.map { try Checkpoint(path: $0) }
        let models = try config.models.map { try Checkpoint(path: $0.path) }
        let template = base ?? models[0]
        let plan = try match(config, template: template, models: models)
        let inputs = (base.map { [("base_model", $0)] } ?? []) + models.enumerated().map { ("models[\($0.offset)]", $0.element) }
        let replaced = try prepareOutput(output, overwrite: options.overwrite, inputs: inputs)
        defer { replaced.wait() }

        let layerCount = (template.entries.compactMap { layerIndex(of: $0.name) }.max() ?? -1) + 1
        let outputs = template.entries.map { entry in
            CheckpointWriter.Tensor(name: entry.name,
                                    dtype: entry.dtype.isFloatingPoint ? (config.outDType ?? entry.dtype) : entry.dtype,
                                    shape: entry.shape)
        }
        let thresholds = config.trimsWholeModel ? try modelThresholds(config, base: template, models: models, options: options) : nil
        let writer = try CheckpointWriter(directory: output, tensors: outputs, shardSize: config.shardSize)
        let order = template.entries.indices.sorted { template.entries[$0].info.byteCount > template.entries[$1].info.byteCount }
        let total = template.totalBytes
        let done = Counter()
        let floatScratch = ScratchPool<Float>(), doubleScratch = ScratchPool<Double>()
        LAPACK.setThreads(forJobs: options.jobs)
        do {
            _ = try concurrentMap(order, width: options.jobs) { index in
                let entry = template.entries[index]
                let target = outputs[index]
                defer { entry.release() }
                if !entry.dtype.isFloatingPoint {
                    try writer.write(entry.name, bytes: entry.bytes)
                } else {
                    let inputs = models.map { $0.entry(entry.name)! }
                    defer { for input in inputs where input.file !== entry.file { input.release() } }
                    let parameters = resolve(config, tensor: entry.name, layerCount: layerCount, thresholds: thresholds)
                    if config.dtype == .f64 {
                        let scratch = doubleScratch.take()
                        defer { doubleScratch.give(scratch) }
                        try mergeTensor(config, entry: entry, inputs: inputs, parameters: parameters,
                                        target: target, writer: writer, options: options, scratch: scratch)
                    } else {
                        let scratch = floatScratch.take()
                        defer { floatScratch.give(scratch) }
                        try mergeTensor(config, entry: entry, inputs: inputs, parameters: parameters,
                                        target: target, writer: writer, options: options, scratch: scratch)
                    }
                }
                let now = done.add(entry.info.byteCount)
                progress?(now, total)
            }
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        try CheckpointWriter.copyAuxiliaryFiles(from: template.directory, to: output, torchDType: config.outDType?.torchName)
        try Data(config.text.utf8).write(to: URL(fileURLWithPath: (output as NSString).appendingPathComponent("m2rl-merge.yaml")))
        if options.modelCard {
            let card = ModelCard.text(config: config, folderName: (output as NSString).lastPathComponent, reshaped: plan.reshaped)
            try Data(card.utf8).write(to: URL(fileURLWithPath: (output as NSString).appendingPathComponent("README.md")))
        }
        let floating = template.entries.filter { $0.dtype.isFloatingPoint }.count
        return MergeSummary(method: config.method.name, output: output, tensors: template.entries.count, merged: floating,
                            copied: template.entries.count - floating, reshaped: plan.reshaped, shards: writer.shardNames,
                            bytes: outputs.reduce(0) { $0 + $1.byteCount }, seconds: Date().timeIntervalSince(started))
    }

    // MARK: - Matching

    struct Plan {
        var reshaped: [String]
    }

    /// Checks every model against the template: same tensor names, same shapes (except the rows
    /// of embeddings), floating where the template is floating. Reports every problem at once.
    static func match(_ config: MergeConfig, template: Checkpoint, models: [Checkpoint]) throws -> Plan {
        var problems: [String] = []
        var reshaped: [String] = []
        for (m, model) in models.enumerated() {
            let label = "models[\(m)] (\(model.path))"
            for entry in template.entries {
                guard let other = model.entry(entry.name) else {
                    problems.append("\(label): tensor \"\(entry.name)\" is missing (the base \(template.path) has it, shape \(entry.shape))")
                    continue
                }
                if entry.dtype.isFloatingPoint != other.dtype.isFloatingPoint {
                    problems.append("\(label): tensor \"\(entry.name)\" is \(other.dtype.rawValue), the base's is \(entry.dtype.rawValue)")
                    continue
                }
                if other.shape != entry.shape {
                    let sameColumns = other.shape.count == entry.shape.count && other.shape.count >= 1 && Array(other.shape.dropFirst()) == Array(entry.shape.dropFirst())
                    if sameColumns && EmbeddingNames.matches(entry.name) && entry.dtype.isFloatingPoint {
                        reshaped.append("\(entry.name): \(label) has \(other.shape[0]) rows, the base \(entry.shape[0]); rows \(other.shape[0] < entry.shape[0] ? "beyond the model's take the base's values" : "beyond the base's are dropped")")
                    } else {
                        problems.append("\(label): tensor \"\(entry.name)\" has shape \(other.shape), the base's is \(entry.shape)")
                    }
                }
            }
            for other in model.entries where template.entry(other.name) == nil {
                problems.append("\(label): tensor \"\(other.name)\" is not in the base \(template.path); every model must have the base's tensors and no others")
            }
        }
        if config.trimsWholeModel {
            for (m, model) in config.models.enumerated() where !(model.parameters["density"]?.isUniform ?? true) {
                problems.append("models[\(m)].parameters.density: trim_scope: model needs one density per model, not one per tensor")
            }
        }
        if !problems.isEmpty { throw MergeError(problems: problems) }
        return Plan(reshaped: reshaped)
    }

    /// Checks the output folder. It may not be the folder of an input (`inputs`, by label),
    /// including the folder of an input given as a `.safetensors` file, even with `overwrite`,
    /// which would replace that input's checkpoint files with the merge; folders are compared by
    /// device and inode, so links, `..` and trailing slashes do not hide a match. With
    /// `overwrite`, the checkpoint files of an earlier merge there
    /// are renamed out of the way at once and deleted on a background thread while this merge
    /// runs (deleting a large file waits on the disk: 0.23 s for 1 GB here, with no CPU time (`/usr/bin/time rm` of a 1 GB output));
    /// the returned removal is waited for before the merge returns.
    /// - Throws: `MergeError` when the output is a file or an input's folder, or holds a
    ///   checkpoint without `overwrite`.
    static func prepareOutput(_ output: String, overwrite: Bool, inputs: [(label: String, checkpoint: Checkpoint)]) throws -> Removal {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output, isDirectory: &isDirectory) else { return Removal(paths: []) }
        guard isDirectory.boolValue else { throw MergeError(problems: ["\(output): exists and is not a folder"]) }
        /// "device:inode" of a folder ("" is the working folder), nil when it cannot be read.
        func identity(_ path: String) -> String? {
            var info = stat()
            guard stat(path.isEmpty ? "." : path, &info) == 0 else { return nil }
            return "\(info.st_dev):\(info.st_ino)"
        }
        let target = identity(output)
        let clashes = inputs.filter { target != nil && identity($0.checkpoint.directory) == target }
        guard clashes.isEmpty else {
            throw MergeError(problems: clashes.map {
                "\(output): holds the checkpoint of \($0.label) (\($0.checkpoint.path)); write the merge to another folder"
            })
        }
        let contents = (try? manager.contentsOfDirectory(atPath: output)) ?? []
        let checkpointFiles = contents.filter { $0.hasSuffix(".safetensors") || $0 == Checkpoint.indexName }
        guard !checkpointFiles.isEmpty else { return Removal(paths: []) }
        guard overwrite else {
            throw MergeError(problems: ["\(output): already holds a checkpoint (\(checkpointFiles.sorted().joined(separator: ", "))); choose another folder or pass --force"])
        }
        var aside: [String] = []
        for name in checkpointFiles {
            let path = (output as NSString).appendingPathComponent(name)
            let hidden = (output as NSString).appendingPathComponent(".\(name).m2rl-replaced-\(getpid())")
            if rename(path, hidden) == 0 { aside.append(hidden) } else { try manager.removeItem(atPath: path) }
        }
        return Removal(paths: aside)
    }

    /// Files being deleted on a background thread.
    final class Removal: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let started: Bool

        init(paths: [String]) {
            started = !paths.isEmpty
            guard started else { return }
            Thread.detachNewThread { [done] in
                for path in paths { unlink(path) }
                done.signal()
            }
        }

        func wait() {
            if started { done.wait() }
        }
    }

    // MARK: - Parameters per tensor

    static func resolve(_ config: MergeConfig, tensor: String, layerCount: Int, thresholds: [Double?]?) -> TensorParameters {
        let layer = layerIndex(of: tensor)
        func number(_ value: ParameterValue?, _ fallback: Double) -> Double {
            value?.number(tensor: tensor, layer: layer, layerCount: layerCount) ?? fallback
        }
        var global: [String: Double] = [:]
        var flags: [String: Bool] = [:]
        var choices: [String: String] = [:]
        for spec in config.method.parameters {
            let value = config.parameters[spec.name]
            switch spec.kind {
            case .number:
                if spec.name == "sv_reduction" && value == nil {
                    global[spec.name] = 1 / Double(max(config.models.count, 1))
                } else {
                    global[spec.name] = number(value, spec.defaultValue.flatMap { if case .number(let d) = $0 { d } else { nil } } ?? 0)
                }
            case .flag:
                flags[spec.name] = value?.flag ?? spec.defaultValue?.flag ?? false
            case .choice:
                choices[spec.name] = value?.choice ?? spec.defaultValue?.choice
            }
        }
        return TensorParameters(
            weights: config.models.map { number($0.parameters["weight"], 1) },
            densities: config.models.map { number($0.parameters["density"], 1) },
            gammas: config.models.map { number($0.parameters["gamma"], 0.01) },
            global: global, flags: flags, choices: choices, modelThresholds: thresholds, seed: config.seed)
    }

    // MARK: - Work

    /// Merges one floating tensor: `entry` is the base's (or, for linear without a base, the
    /// first model's, which only supplies the layout).
    static func mergeTensor<W: WorkingFloat>(_ config: MergeConfig, entry: Checkpoint.Entry,
                                             inputs: [Checkpoint.Entry], parameters: TensorParameters,
                                             target: CheckpointWriter.Tensor, writer: CheckpointWriter, options: MergeOptions,
                                             scratch: ScratchBuffers<W>) throws {
        let output = TensorOutput(name: entry.name, dtype: target.dtype, count: entry.count, writer: writer, scratch: scratch)
        if case .tsv = config.method.algorithm {
            try tsv(W.self, entry: entry, inputs: inputs, parameters: parameters, options: options, emit: output.emit)
            return try output.finish()
        }
        let asDeltas: Bool
        switch config.method.algorithm {
        case .linear, .modelStock, .slerp: asDeltas = false
        default: asDeltas = true
        }
        let source = TensorSource<W>(base: entry, models: inputs,
                                     asDeltas: asDeltas, chunkLimit: options.chunkLimit, scratch: scratch)
        let observe = options.observeFused.map { observe in { (outcome: FusedTiesOutcome) in observe(entry.name, outcome) } }
        try TensorMerge(method: config.method, parameters: parameters, source: source, output: output, observeFused: observe).run()
        try output.finish()
    }

    static func tsv<W: WorkingFloat>(_ type: W.Type, entry: Checkpoint.Entry, inputs: [Checkpoint.Entry], parameters: TensorParameters,
                                     options: MergeOptions, emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
        let alpha = W(parameters.number("alpha"))
        let source = TensorSource<W>(base: entry, models: inputs, asDeltas: true,
                                     chunkLimit: TaskSingularVectors.applies(name: entry.name, shape: entry.shape) ? max(entry.count, 1) : options.chunkLimit)
        if TaskSingularVectors.applies(name: entry.name, shape: entry.shape) {
            var deltas: [Matrix] = []
            var baseValues: [W] = []
            source.forEachChunk { _, base, models in
                baseValues = Array(base)
                deltas = models.map { Matrix(rows: entry.shape[0], columns: entry.shape[1], values: $0.map { Double($0) }) }
            }
            let merged = try TaskSingularVectors.merge(deltas: deltas, reduction: parameters.number("sv_reduction"))
            var out = [W](repeating: 0, count: entry.count)
            for j in 0..<entry.count { out[j] = baseValues[j] + alpha * W(merged.values[j]) }
            try out.withUnsafeBufferPointer { try emit(0..<entry.count, $0) }
            return
        }
        let count = W(inputs.count)
        try source.forEachChunk { range, base, models in
            var out = [W](repeating: 0, count: range.count)
            for j in 0..<range.count {
                var sum = models[0][j]
                for i in 1..<models.count { sum = sum + models[i][j] }
                out[j] = base[j] + alpha * (sum / count)
            }
            try out.withUnsafeBufferPointer { try emit(range, $0) }
        }
    }

    /// Whole-model trim thresholds (`trim_scope: model`): per model, the k-th largest |δ| over
    /// every floating tensor, k = ⌊density · n⌋; nil for a model kept whole. All the models
    /// are counted in the same reads: one read of the checkpoints per radix pass (2 for F32
    /// work, 4 for F64), none when no model is trimmed.
    static func modelThresholds(_ config: MergeConfig, base: Checkpoint, models: [Checkpoint], options: MergeOptions) throws -> [Double?] {
        let floating = base.entries.filter { $0.dtype.isFloatingPoint }
        let n = floating.reduce(0) { $0 + $1.count }
        let densities = config.models.map { $0.parameters["density"]?.number(tensor: "", layer: nil, layerCount: 0) ?? 1 }
        func select<W: WorkingFloat>(_ type: W.Type) -> [Double?] {
            let ranks = densities.map { density -> [Int] in
                let k = Int((density * Double(n)).rounded(.down))
                return density < 1 && k > 0 ? [k] : []
            }
            let scratch = ScratchBuffers<W>()
            let values = RadixSelect<W>.magnitudesPerModel(ranks: ranks) { visit in
                for entry in floating {
                    let source = TensorSource<W>(base: entry, models: models.map { $0.entry(entry.name)! },
                                                 asDeltas: true, chunkLimit: options.chunkLimit, scratch: scratch)
                    source.forEachChunk { _, _, chunks in visit(chunks) }
                    entry.release()
                    for model in source.models where model.file !== entry.file { model.release() }
                }
            }
            return densities.indices.map { i in
                if densities[i] >= 1 { return nil }
                if ranks[i].isEmpty { return Double.infinity }
                return Double(values[i][0])
            }
        }
        return config.dtype == .f64 ? select(Double.self) : select(Float.self)
    }
}

/// A thread-safe running total (bytes done, for progress).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        return value
    }
}
