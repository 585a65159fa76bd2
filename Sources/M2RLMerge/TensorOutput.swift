import M2RLTensors

/// Where one tensor's merged values go: encoded to the output dtype into the worker's stage (its
/// byte buffer) and written to the checkpoint when the stage is full, when the next values do not
/// follow on, and at `finish()`. Chunks are sized for the cache, writes for the disk: the stage
/// holds 8 MiB, or a whole matrix (TSV emits those in one piece). A method that must change
/// values after emitting them holds the whole tensor in a buffer of its own (`holdWhole()`, then
/// `replace`), which `finish()` hands to the writer to write in the background, so the worker goes
/// on merging instead of waiting on the disk for up to the tensor's size.
final class TensorOutput<W: WorkingFloat> {
    let name: String
    let dtype: DType
    let count: Int
    private let writer: CheckpointWriter
    private let scratch: ScratchBuffers<W>
    private var stage: UnsafeMutableRawBufferPointer
    private var stagedAt = 0, staged = 0
    private var holding = false

    init(name: String, dtype: DType, count: Int, writer: CheckpointWriter, scratch: ScratchBuffers<W>) {
        self.name = name
        self.dtype = dtype
        self.count = count
        self.writer = writer
        self.scratch = scratch
        stage = scratch.bytes(8 << 20)
    }

    /// Encodes `values`, elements `range` of the tensor, into the stage.
    func emit(_ range: Range<Int>, _ values: UnsafeBufferPointer<W>) throws {
        let size = dtype.size
        let byteCount = values.count * size, at = range.lowerBound * size
        if holding {
            precondition(range.upperBound <= count, "values \(range) of a tensor of \(count)")
        } else {
            if staged > 0 && (at != stagedAt + staged || staged + byteCount > stage.count) { try flush() }
            // Nothing is staged here when the stage must grow.
            if byteCount > stage.count { stage = scratch.bytes(byteCount) }
            if staged == 0 { stagedAt = at }
        }
        let offset = holding ? at : staged
        W.encode(values, as: dtype, into: UnsafeMutableRawBufferPointer(rebasing: stage[offset..<(offset + byteCount)]))
        if holding { staged = max(staged, at + byteCount) } else { staged += byteCount }
    }

    /// From now on the stage holds the whole tensor, element i at i × dtype size, and nothing is
    /// written before `finish()`. Call before the first `emit`.
    func holdWhole() {
        precondition(staged == 0 && !holding, "holdWhole after values were emitted")
        stage = UnsafeMutableRawBufferPointer.allocate(byteCount: count * dtype.size, alignment: 64)
        holding = true
        stagedAt = 0
    }

    /// Replaces element `index`, already emitted into a held stage, by `value`.
    func replace(_ index: Int, with value: W) {
        precondition(holding && index < count)
        let size = dtype.size
        withUnsafePointer(to: value) {
            W.encode(UnsafeBufferPointer(start: $0, count: 1), as: dtype,
                     into: UnsafeMutableRawBufferPointer(rebasing: stage[(index * size)..<((index + 1) * size)]))
        }
    }

    /// Writes what is staged.
    func finish() throws {
        if holding {
            precondition(staged == count * dtype.size, "a held tensor was not emitted whole")
            writer.writeInBackground(name, owning: stage, at: 0)
            holding = false
            staged = 0
            stage = scratch.bytes(8 << 20)
            return
        }
        try flush()
    }

    deinit {
        // A held tensor that never reached `finish()` (its merge failed).
        if holding { stage.deallocate() }
    }

    private func flush() throws {
        guard staged > 0 else { return }
        try writer.write(name, bytes: UnsafeRawBufferPointer(rebasing: stage[0..<staged]), at: stagedAt)
        staged = 0
    }
}
