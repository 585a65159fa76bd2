import M2RLTensors

/// The inputs of one output tensor, read in chunks of rows from the memory maps.
///
/// Chunk c holds elements `range` of the row-major tensor for the base and every model. A
/// tensor of at most `chunkLimit` elements is one chunk, decoded once and kept for every pass;
/// larger ones are decoded again on each pass, so memory stays at (models + 2) chunks.
/// A model whose embedding has fewer rows than the base reads the base's rows beyond its own
/// (its δ is 0 there); one with more rows is cut to the base's.
final class TensorSource<W: WorkingFloat> {
    let name: String
    let shape: [Int]
    let count: Int
    let base: Checkpoint.Entry?
    let models: [Checkpoint.Entry]
    /// Whether chunks hold δᵢ = θᵢ − θ₀ (true) or θᵢ (false).
    let asDeltas: Bool
    let chunkRanges: [Range<Int>]
    private(set) var baseChunk: UnsafeMutableBufferPointer<W>
    private(set) var modelChunks: [UnsafeMutableBufferPointer<W>]
    private var loadedChunk = -1

    init(name: String, shape: [Int], base: Checkpoint.Entry?, models: [Checkpoint.Entry], asDeltas: Bool, chunkLimit: Int) {
        self.name = name
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.base = base
        self.models = models
        self.asDeltas = asDeltas
        let rowLength = shape.count >= 2 ? shape.dropFirst().reduce(1, *) : 1
        let rowsPerChunk = max(1, chunkLimit / max(rowLength, 1))
        let step = rowsPerChunk * max(rowLength, 1)
        var ranges: [Range<Int>] = []
        var start = 0
        while start < count {
            ranges.append(start..<min(count, start + step))
            start += step
        }
        if ranges.isEmpty { ranges = [0..<0] }
        chunkRanges = ranges
        let capacity = max(1, ranges.map(\.count).max() ?? 1)
        baseChunk = .allocate(capacity: capacity)
        modelChunks = models.map { _ in .allocate(capacity: capacity) }
    }

    deinit {
        baseChunk.deallocate()
        for chunk in modelChunks { chunk.deallocate() }
    }

    /// Calls `body` with every chunk in order: the range, θ₀ and the models' chunks.
    func forEachChunk(_ body: (Range<Int>, UnsafeMutableBufferPointer<W>, [UnsafeMutableBufferPointer<W>]) throws -> Void) rethrows {
        for (index, range) in chunkRanges.enumerated() {
            load(index)
            let length = range.count
            try body(range, UnsafeMutableBufferPointer(rebasing: baseChunk[0..<length]),
                     modelChunks.map { UnsafeMutableBufferPointer(rebasing: $0[0..<length]) })
        }
    }

    private func load(_ index: Int) {
        if index == loadedChunk { return }
        let range = chunkRanges[index]
        let length = range.count
        if let base {
            read(base, range, into: baseChunk)
        } else {
            baseChunk.initialize(repeating: 0)
        }
        for (m, model) in models.enumerated() {
            let out = modelChunks[m]
            read(model, range, into: out)
            if asDeltas {
                for j in 0..<length { out[j] = out[j] - baseChunk[j] }
            }
        }
        loadedChunk = index
    }

    /// Decodes elements `range` (in the output's row-major order) of `entry`, which may have
    /// a different number of rows than the output (the embedding rule).
    private func read(_ entry: Checkpoint.Entry, _ range: Range<Int>, into out: UnsafeMutableBufferPointer<W>) {
        let size = entry.dtype.size
        let available = min(range.upperBound, entry.count)
        if available > range.lowerBound {
            let bytes = UnsafeRawBufferPointer(rebasing: entry.bytes[(range.lowerBound * size)..<(available * size)])
            W.decode(bytes, entry.dtype, into: UnsafeMutableBufferPointer(rebasing: out[0..<(available - range.lowerBound)]))
        }
        if available < range.upperBound {
            // Rows the model lacks: the base's values (δ = 0).
            let from = max(available, range.lowerBound)
            for j in from..<range.upperBound { out[j - range.lowerBound] = baseChunk[j - range.lowerBound] }
        }
    }
}
