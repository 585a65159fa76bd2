import Foundation
import M2RLTensors

/// The inputs of one output tensor, read in chunks of rows from the memory maps.
///
/// Chunk c holds elements `range` of the row-major tensor for the base and every model. A
/// tensor of at most `chunkLimit` elements is one chunk, decoded once and kept for every pass;
/// larger ones are decoded again on each pass, so memory stays at (models + 1) chunks, plus the
/// method's temporaries (`TensorMerge.temporary`: 1 to 5 more).
/// A model whose embedding has fewer rows than the base reads the base's rows beyond its own
/// (its δ is 0 there); one with more rows is cut to the base's.
final class TensorSource<W: WorkingFloat> {
    let name: String
    let shape: [Int]
    let count: Int
    /// The base's tensor (for `linear` without a base, the first model's: the template).
    let base: Checkpoint.Entry
    let models: [Checkpoint.Entry]
    /// Whether chunks hold δᵢ = θᵢ − θ₀ (true) or θᵢ (false).
    let asDeltas: Bool
    let chunkRanges: [Range<Int>]
    private(set) var baseChunk: UnsafeMutableBufferPointer<W>
    private(set) var modelChunks: [UnsafeMutableBufferPointer<W>]
    /// Buffers for the method's own use (an output chunk and temporaries), as large as a chunk.
    let scratch: ScratchBuffers<W>
    private var loadedChunk = -1

    /// - Parameter scratch: the worker's buffers, reused from tensor to tensor (buffers 0...models
    ///   hold the inputs; the method uses the ones after).
    init(base: Checkpoint.Entry, models: [Checkpoint.Entry], asDeltas: Bool, chunkLimit: Int,
         scratch: ScratchBuffers<W> = ScratchBuffers<W>()) {
        self.name = base.name
        self.shape = base.shape
        self.count = base.count
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
        self.scratch = scratch
        scratch.reserve(capacity)
        baseChunk = scratch.buffer(0)
        modelChunks = models.indices.map { scratch.buffer($0 + 1) }
        bf16Inputs = Self.bf16Bits(base: base, models: models)
    }

    /// The index of the first scratch buffer free for the method.
    var firstFreeBuffer: Int { models.count + 1 }

    /// Calls `body` with every chunk in order: the range, θ₀ and the models' chunks. With
    /// `mutating`, the body may overwrite the chunks (the last pass of a method does).
    func forEachChunk(mutating: Bool = false, _ body: (Range<Int>, UnsafeMutableBufferPointer<W>, [UnsafeMutableBufferPointer<W>]) throws -> Void) rethrows {
        for (index, range) in chunkRanges.enumerated() {
            load(index)
            if mutating { loadedChunk = -1 }
            let length = range.count
            try body(range, UnsafeMutableBufferPointer(rebasing: baseChunk[0..<length]),
                     modelChunks.map { UnsafeMutableBufferPointer(rebasing: $0[0..<length]) })
        }
    }

    private func load(_ index: Int) {
        if index == loadedChunk { return }
        let range = chunkRanges[index]
        let length = range.count
        read(base, range, into: baseChunk)
        for (m, model) in models.enumerated() {
            let out = modelChunks[m]
            if asDeltas && model.count >= range.upperBound, let b = baseChunk.baseAddress {
                let size = model.dtype.size
                let bytes = UnsafeRawBufferPointer(rebasing: model.bytes[(range.lowerBound * size)..<(range.upperBound * size)])
                W.decodeDifference(bytes, model.dtype, base: b, into: UnsafeMutableBufferPointer(rebasing: out[0..<length]))
                continue
            }
            read(model, range, into: out)
            if asDeltas, let o = out.baseAddress, let b = baseChunk.baseAddress {
                for j in 0..<length { o[j] = o[j] - b[j] }
            }
        }
        loadedChunk = index
    }

    /// The stored BF16 bits of the base and of every model, when all of them are BF16, 2-byte
    /// aligned in their maps and as long as the base (no embedding rows to fill in): for loops
    /// that decode as they compute instead of filling the chunk buffers first.
    let bf16Inputs: (base: UnsafePointer<UInt16>, models: [UnsafePointer<UInt16>])?

    private static func bf16Bits(base: Checkpoint.Entry, models: [Checkpoint.Entry]) -> (base: UnsafePointer<UInt16>, models: [UnsafePointer<UInt16>])? {
        func bits(_ entry: Checkpoint.Entry) -> UnsafePointer<UInt16>? {
            guard entry.dtype == .bf16, entry.count == base.count, let start = entry.bytes.baseAddress,
                  Int(bitPattern: start) % 2 == 0 else { return nil }
            return start.assumingMemoryBound(to: UInt16.self)
        }
        guard let b = bits(base) else { return nil }
        var bitsOfModels: [UnsafePointer<UInt16>] = []
        for model in models {
            guard let m = bits(model) else { return nil }
            bitsOfModels.append(m)
        }
        return (b, bitsOfModels)
    }

    /// What model `m`'s chunks hold (δ or θ) at the given elements, read from the maps one
    /// element at a time with the chunks' own arithmetic: for a pass that only samples.
    func values(model m: Int, at indices: [Int]) -> [W] {
        if let inputs = bf16Inputs {
            // BF16 without missing rows: the bits are read in place (a decode call per element
            // cost more than the sample's reads).
            let b = inputs.base, x = inputs.models[m]
            return indices.map { asDeltas ? W.bf16Delta(x[$0], from: b[$0]) : W.bf16(x[$0]) }
        }
        var base: W = 0, value: W = 0
        func decode(_ entry: Checkpoint.Entry, _ index: Int, into one: inout W) {
            let size = entry.dtype.size
            withUnsafeMutablePointer(to: &one) {
                W.decode(UnsafeRawBufferPointer(rebasing: entry.bytes[(index * size)..<((index + 1) * size)]), entry.dtype,
                         into: UnsafeMutableBufferPointer(start: $0, count: 1))
            }
        }
        let model = models[m]
        return indices.map { index in
            decode(self.base, index, into: &base)
            // Rows a model lacks hold the base's values, as in `read`.
            if index < model.count { decode(model, index, into: &value) } else { value = base }
            return asDeltas ? value - base : value
        }
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

/// A worker's reusable buffers: `count` float buffers of one capacity and a byte buffer, grown on
/// demand and kept from tensor to tensor, so pages are faulted in once per merge, not per chunk.
final class ScratchBuffers<W: WorkingFloat> {
    private var buffers: [UnsafeMutableBufferPointer<W>] = []
    private(set) var capacity = 0
    private var raw = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    init() {}

    deinit {
        for buffer in buffers { buffer.deallocate() }
        raw.deallocate()
    }

    /// Makes every buffer hold at least `elements` values (contents are not kept).
    func reserve(_ elements: Int) {
        guard elements > capacity else { return }
        for buffer in buffers { buffer.deallocate() }
        capacity = elements
        buffers = buffers.map { _ in .allocate(capacity: elements) }
    }

    /// Buffer `index` (created when new), `capacity` elements.
    func buffer(_ index: Int) -> UnsafeMutableBufferPointer<W> {
        while buffers.count <= index { buffers.append(.allocate(capacity: max(capacity, 1))) }
        return buffers[index]
    }

    /// A byte buffer of at least `count` bytes, 8-aligned.
    func bytes(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if raw.count < count {
            raw.deallocate()
            raw = .allocate(byteCount: count, alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: raw[0..<count])
    }
}

/// Scratch buffers shared by the workers of one merge: each worker takes a set for a tensor and
/// gives it back, so at most `workers` sets exist.
final class ScratchPool<W: WorkingFloat>: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [ScratchBuffers<W>] = []

    func take() -> ScratchBuffers<W> {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? ScratchBuffers<W>()
    }

    func give(_ buffers: ScratchBuffers<W>) {
        lock.lock()
        free.append(buffers)
        lock.unlock()
    }
}
