import Foundation
import M2RLCore
import M2RLTensors

/// How `m2rl analyze` runs.
public struct AnalysisOptions: Sendable {
    /// The random projection's seed.
    public var seed: UInt64
    public var jobs: Int
    /// Compute the numerical rank of 2-D updates with at most this many entries (an F64 SVD
    /// each; 0 turns ranks off). Larger matrices report null.
    public var rankLimit: Int
    /// Entries per chunk (default 2¹⁵: the chunk's F64 buffers, 256 KiB each, stay in the
    /// L2 cache through its passes; with 2²² they streamed from memory and analysis took 1.8×
    /// as long). Sums of squares and products are added per chunk, so they depend on it in
    /// the last bits; counts do not.
    public var chunkLimit: Int

    public init(seed: UInt64 = 0, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, rankLimit: Int = 1 << 24, chunkLimit: Int = 1 << 15) {
        self.seed = seed
        self.jobs = max(1, jobs)
        self.rankLimit = rankLimit
        self.chunkLimit = max(1, chunkLimit)
    }
}

/// Weight-space analysis of task vectors δ = θ − θ₀ (docs/merge.md, "Analysis"): update
/// sparsity by three rules, norms, ranks, and for every pair of models the overlap of their
/// update masks, cosine similarity (exact and after a 256-dimensional count sketch) and sign
/// conflicts. δ is computed in F64 from the stored values (exact for F32, F16 and BF16).
public enum Analysis {
    /// The relative threshold of the study's update rule: |δ| > 1e-3 · max(|θ|, |θ₀|).
    public static let relativeThreshold = 1e-3
    public static let absoluteThreshold = 1e-5
    public static let sketchSize = 256

    struct TensorStats {
        var name: String
        var shape: [Int]
        var count: Int
        var unchanged: [Int]
        var within: [Int]
        var updated: [Int]
        var squares: [Double]
        var maximum: [Double]
        var rank: [Int?]
        var bothUpdated: [Int]
        var eitherUpdated: [Int]
        var conflicts: [Int]
        var dots: [Double]
        var sketches: [[Double]]
    }

    /// The report for `models` against `base` (docs/merge.md, "Analysis"). `progress` is called
    /// from the workers with (bytes of the base done, bytes in all), once per tensor.
    /// - Throws: `MergeError` naming every tensor a model lacks or has in another shape,
    ///   `TensorsError` for a checkpoint that cannot be read, `LinearAlgebraError` when ranks
    ///   are asked for and LAPACK cannot be loaded.
    public static func run(base basePath: String, models modelPaths: [String], options: AnalysisOptions = .init(),
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> JSONValue {
        let base = try Checkpoint(path: basePath)
        let models = try modelPaths.map { try Checkpoint(path: $0) }
        var problems: [String] = []
        for (m, model) in models.enumerated() {
            for entry in base.entries where entry.dtype.isFloatingPoint {
                guard let other = model.entry(entry.name) else {
                    problems.append("models[\(m)] (\(model.path)): tensor \"\(entry.name)\" is missing (the base has it)")
                    continue
                }
                if other.shape != entry.shape {
                    problems.append("models[\(m)] (\(model.path)): tensor \"\(entry.name)\" has shape \(other.shape), the base's is \(entry.shape)")
                }
            }
        }
        if !problems.isEmpty { throw MergeError(problems: problems) }
        let pairs = models.indices.flatMap { a in ((a + 1)..<models.count).map { (a, $0) } }
        let floating = base.entries.filter { $0.dtype.isFloatingPoint }
        let order = floating.indices.sorted { floating[$0].count > floating[$1].count }
        let pool = ScratchPool<Double>()
        LAPACK.setThreads(forJobs: options.jobs)
        let total = floating.reduce(0) { $0 + $1.info.byteCount }
        let done = Counter()
        let computed = try concurrentMap(order, width: options.jobs) { index -> (Int, TensorStats) in
            let entry = floating[index]
            let scratch = pool.take()
            defer {
                pool.give(scratch)
                entry.release()
                for model in models { model.entry(entry.name)?.release() }
                progress?(done.add(entry.info.byteCount), total)
            }
            return (index, try tensorStats(entry, models: models.map { $0.entry(entry.name)! }, pairs: pairs, options: options, scratch: scratch))
        }
        var stats = [TensorStats?](repeating: nil, count: floating.count)
        for (index, value) in computed { stats[index] = value }
        return report(base: basePath, models: modelPaths, stats: stats.map { $0! }, pairs: pairs, seed: options.seed)
    }

    static func tensorStats(_ entry: Checkpoint.Entry, models: [Checkpoint.Entry], pairs: [(Int, Int)], options: AnalysisOptions,
                            scratch: ScratchBuffers<Double>) throws -> TensorStats {
        let m = models.count
        var stats = TensorStats(
            name: entry.name, shape: entry.shape, count: entry.count,
            unchanged: .init(repeating: 0, count: m), within: .init(repeating: 0, count: m), updated: .init(repeating: 0, count: m),
            squares: .init(repeating: 0, count: m), maximum: .init(repeating: 0, count: m), rank: .init(repeating: nil, count: m),
            bothUpdated: .init(repeating: 0, count: pairs.count), eitherUpdated: .init(repeating: 0, count: pairs.count),
            conflicts: .init(repeating: 0, count: pairs.count), dots: .init(repeating: 0, count: pairs.count),
            sketches: .init(repeating: .init(repeating: 0, count: sketchSize), count: m))
        let wantsRank = entry.shape.count == 2 && entry.count > 0 && entry.count <= options.rankLimit
        var full: [[Double]] = wantsRank ? .init(repeating: .init(repeating: 0, count: entry.count), count: m) : []
        let source = TensorSource<Double>(base: entry, models: models, asDeltas: false, chunkLimit: options.chunkLimit, scratch: scratch)
        let key = CounterBits.projectionKey(seed: options.seed, tensor: entry.name)
        let capacity = source.chunkRanges.map(\.count).max() ?? 0
        // Per chunk: the sketch's bucket and sign per entry (shared by the models), each model's
        // δ (in place of its θ) and update mask; loops run per model so they vectorise, except
        // the sketch's scatter. Sums of squares and products run in eight lanes (`dot`).
        var buckets = [Int](repeating: 0, count: capacity)
        var signs = [Double](repeating: 0, count: capacity)
        var masks = [[UInt8]](repeating: [UInt8](repeating: 0, count: capacity), count: m)
        source.forEachChunk(mutating: true) { range, baseChunk, chunks in
            let n = range.count
            let base = baseChunk.baseAddress!
            for j in 0..<n {
                let bits = CounterBits.bits(key: key, index: range.lowerBound + j)
                buckets[j] = Int(bits & 255)
                signs[j] = (bits >> 8) & 1 == 1 ? -1 : 1
            }
            for i in 0..<m {
                let d = chunks[i].baseAddress!
                var unchanged = 0, within = 0, updated = 0
                masks[i].withUnsafeMutableBufferPointer { mask in
                    for j in 0..<n {
                        let theta = d[j], theta0 = base[j]
                        let delta = theta - theta0
                        d[j] = delta
                        let magnitude = abs(delta)
                        unchanged &+= Int(unsafeBitCast(delta == 0, to: UInt8.self))
                        within &+= Int(unsafeBitCast(magnitude <= absoluteThreshold, to: UInt8.self))
                        let isUpdated = unsafeBitCast(magnitude > relativeThreshold * max(abs(theta), abs(theta0)), to: UInt8.self)
                        mask[j] = isUpdated
                        updated &+= Int(isUpdated)
                    }
                }
                stats.squares[i] += dot(d, d, n)
                stats.maximum[i] = max(stats.maximum[i], largestMagnitude(d, n))
                stats.sketches[i].withUnsafeMutableBufferPointer { sketch in
                    for j in 0..<n { sketch[buckets[j]] += signs[j] * d[j] }
                }
                if wantsRank {
                    full[i].withUnsafeMutableBufferPointer { f in
                        for j in 0..<n { f[range.lowerBound + j] = d[j] }
                    }
                }
                stats.unchanged[i] += unchanged
                stats.within[i] += within
                stats.updated[i] += updated
            }
            for (p, pair) in pairs.enumerated() {
                let (a, c) = pair
                let da = chunks[a].baseAddress!, dc = chunks[c].baseAddress!
                var either = 0, both = 0, conflicts = 0
                masks[a].withUnsafeBufferPointer { ma in
                    masks[c].withUnsafeBufferPointer { mc in
                        for j in 0..<n {
                            let inBoth = ma[j] & mc[j]
                            either &+= Int(ma[j] | mc[j])
                            both &+= Int(inBoth)
                            conflicts &+= Int(inBoth & unsafeBitCast((da[j] > 0) != (dc[j] > 0), to: UInt8.self))
                        }
                    }
                }
                stats.dots[p] += dot(da, dc, n)
                stats.eitherUpdated[p] += either
                stats.bothUpdated[p] += both
                stats.conflicts[p] += conflicts
            }
        }
        if wantsRank {
            for i in 0..<m {
                stats.rank[i] = try Matrix(rows: entry.shape[0], columns: entry.shape[1], values: full[i]).rank(epsilon: 0x1p-23)
            }
        }
        return stats
    }

    /// Makes the report's folder and the charts' folder (when given) and checks that the report
    /// can be written, so that a long analysis never ends on a path it cannot write: call it
    /// before `run`.
    /// - Throws: `MergeError` naming the path and what is wrong (a folder that cannot be made or
    ///   written into; a report path that is a folder or a file that cannot be written).
    public static func prepareOutputs(report: String, charts: String?) throws {
        let manager = FileManager.default
        let reportFolder = ((report as NSString).deletingLastPathComponent as NSString).standardizingPath
        for (folder, what) in [(reportFolder.isEmpty ? "." : reportFolder, "the report's folder")] + (charts.map { [($0, "the charts' folder")] } ?? []) {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw MergeError(problems: ["cannot create \(what) \(folder): \(error.localizedDescription)"])
            }
            guard access(folder, W_OK) == 0 else {
                throw MergeError(problems: ["cannot write into \(what) \(folder): \(String(cString: strerror(errno)))"])
            }
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: report, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw MergeError(problems: ["cannot write the report \(report): is a folder"]) }
        guard access(report, W_OK) == 0 else {
            throw MergeError(problems: ["cannot write the report \(report): \(String(cString: strerror(errno)))"])
        }
    }

    /// Σ a[j]·b[j] over j < n, in eight running sums (sum k takes the j ≡ k mod 8 of the
    /// first n − n mod 8) added pairwise at the end, then the rest in order: a fixed order, so
    /// results depend on the chunking (fixed) and never on the workers, and the loop is not
    /// bound by the latency of one running sum.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var lanes = SIMD8<Double>()
        var j = 0
        while j + 8 <= n {
            lanes += UnsafeRawPointer(a + j).loadUnaligned(as: SIMD8<Double>.self) * UnsafeRawPointer(b + j).loadUnaligned(as: SIMD8<Double>.self)
            j += 8
        }
        let quads = lanes.lowHalf + lanes.highHalf, pairs = quads.lowHalf + quads.highHalf
        var sum = pairs[0] + pairs[1]
        while j < n { sum += a[j] * b[j]; j += 1 }
        return sum
    }

    /// max |a[j]| over j < n, NaN ignored (0 when there is no number).
    @inline(__always)
    static func largestMagnitude(_ a: UnsafePointer<Double>, _ n: Int) -> Double {
        var lanes = SIMD8<Double>()
        var j = 0
        while j + 8 <= n {
            var values = UnsafeRawPointer(a + j).loadUnaligned(as: SIMD8<Double>.self)
            values.replace(with: -values, where: values .< 0)
            lanes.replace(with: values, where: values .> lanes)
            j += 8
        }
        var largest = lanes.max()
        while j < n { largest = max(largest, abs(a[j])); j += 1 }
        return largest
    }

    static func fraction(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }

    static func report(base: String, models: [String], stats: [TensorStats], pairs: [(Int, Int)], seed: UInt64) -> JSONValue {
        var modelReports: [JSONValue] = []
        var totalSquares = [Double](repeating: 0, count: models.count)
        var sketches = [[Double]](repeating: .init(repeating: 0, count: sketchSize), count: models.count)
        var totalUpdated = [Int](repeating: 0, count: models.count)
        let parameters = stats.reduce(0) { $0 + $1.count }
        for (i, path) in models.enumerated() {
            var unchanged = 0, within = 0, updated = 0, squares = 0.0, maximum = 0.0
            var tensors: [JSONValue] = []
            var layers: [Int: (parameters: Int, updated: Int, squares: Double)] = [:]
            for tensor in stats {
                unchanged += tensor.unchanged[i]
                within += tensor.within[i]
                updated += tensor.updated[i]
                squares += tensor.squares[i]
                maximum = max(maximum, tensor.maximum[i])
                for k in 0..<sketchSize { sketches[i][k] += tensor.sketches[i][k] }
                if let layer = layerIndex(of: tensor.name) {
                    var entry = layers[layer] ?? (0, 0, 0)
                    entry.parameters += tensor.count
                    entry.updated += tensor.updated[i]
                    entry.squares += tensor.squares[i]
                    layers[layer] = entry
                }
                let minDimension = tensor.shape.count == 2 ? min(tensor.shape[0], tensor.shape[1]) : 0
                tensors.append([
                    "name": .string(tensor.name), "shape": .array(tensor.shape.map { .int($0) }), "parameters": .int(tensor.count),
                    "unchanged": .int(tensor.unchanged[i]), "within_1e-5": .int(tensor.within[i]), "updated": .int(tensor.updated[i]),
                    "unchanged_fraction": .double(fraction(tensor.unchanged[i], tensor.count)),
                    "within_1e-5_fraction": .double(fraction(tensor.within[i], tensor.count)),
                    "updated_fraction": .double(fraction(tensor.updated[i], tensor.count)),
                    "l2": .double(tensor.squares[i].squareRoot()), "linf": .double(tensor.maximum[i]),
                    "rank": tensor.rank[i].map { .int($0) } ?? .null,
                    "rank_fraction": tensor.rank[i].map { .double(fraction($0, minDimension)) } ?? .null,
                ])
            }
            totalSquares[i] = squares
            totalUpdated[i] = updated
            modelReports.append([
                "path": .string(path), "parameters": .int(parameters), "unchanged": .int(unchanged), "within_1e-5": .int(within),
                "updated": .int(updated), "unchanged_fraction": .double(fraction(unchanged, parameters)),
                "within_1e-5_fraction": .double(fraction(within, parameters)), "updated_fraction": .double(fraction(updated, parameters)),
                "l2": .double(squares.squareRoot()), "linf": .double(maximum), "tensors": .array(tensors),
                "layers": .array(layers.keys.sorted().map { layer in
                    let entry = layers[layer]!
                    return ["layer": .int(layer), "parameters": .int(entry.parameters), "updated": .int(entry.updated),
                            "updated_fraction": .double(fraction(entry.updated, entry.parameters)), "l2": .double(entry.squares.squareRoot())]
                }),
            ])
        }
        var pairReports: [JSONValue] = []
        for (p, pair) in pairs.enumerated() {
            let (a, b) = pair
            let both = stats.reduce(0) { $0 + $1.bothUpdated[p] }
            let either = stats.reduce(0) { $0 + $1.eitherUpdated[p] }
            let conflicts = stats.reduce(0) { $0 + $1.conflicts[p] }
            let dot = stats.reduce(0.0) { $0 + $1.dots[p] }
            let pa = fraction(totalUpdated[a], parameters), pb = fraction(totalUpdated[b], parameters)
            let union = pa + pb - pa * pb
            let norms = totalSquares[a].squareRoot() * totalSquares[b].squareRoot()
            var sketchDot = 0.0, sketchA = 0.0, sketchB = 0.0
            for k in 0..<sketchSize {
                sketchDot += sketches[a][k] * sketches[b][k]
                sketchA += sketches[a][k] * sketches[a][k]
                sketchB += sketches[b][k] * sketches[b][k]
            }
            let sketchNorms = sketchA.squareRoot() * sketchB.squareRoot()
            pairReports.append([
                "a": .int(a), "b": .int(b), "both_updated": .int(both), "either_updated": .int(either),
                "jaccard": .double(fraction(both, either)), "jaccard_random": .double(union == 0 ? 0 : pa * pb / union),
                "cosine": .double(norms == 0 ? 0 : dot / norms), "cosine_projected": .double(sketchNorms == 0 ? 0 : sketchDot / sketchNorms),
                "sign_conflicts": .int(conflicts), "sign_conflict_rate": .double(fraction(conflicts, both)),
            ])
        }
        return ["base": .string(base), "seed": .int(Int(truncatingIfNeeded: seed)), "models": .array(modelReports), "pairs": .array(pairReports)]
    }
}
