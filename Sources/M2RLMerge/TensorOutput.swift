import M2RLTensors

/// Where one tensor's merged values go: encoded to the output dtype into the worker's stage (its
/// byte buffer) and written to the checkpoint when the stage is full, when the next values do not
/// follow on, and at `finish()`. Chunks are sized for the cache, writes for the disk: the stage
/// holds 8 MiB, or a whole matrix (TSV emits those in one piece). A method that must change
/// values after emitting them holds the whole tensor in a buffer of its own (`holdWhole()`, then
/// `replace`), which `finish()` hands to the writer to write in the background without a copy
/// (`TensorBuffer`), so the worker goes on merging instead of waiting on the disk for up to the
/// tensor's size.
final class TensorOutput<W: WorkingFloat> {
    let name: String
    let dtype: DType
    let count: Int
    private let writer: CheckpointWriter
    private let scratch: ScratchBuffers<W>
    private var stage: UnsafeMutableRawBufferPointer
    private var stagedAt = 0, staged = 0
    /// The whole tensor's buffer after `holdWhole()`.
    private var held: TensorBuffer?
    private var holding: Bool { held != nil }

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
        precondition(values.count == range.count)
        W.encode(values, as: dtype, into: try reserve(range))
    }

    /// The stage's bytes for elements `range` of the tensor (`range.count` × dtype size): what
    /// `emit` encodes into.
    private func reserve(_ range: Range<Int>) throws -> UnsafeMutableRawBufferPointer {
        let size = dtype.size
        let byteCount = range.count * size, at = range.lowerBound * size
        if holding {
            precondition(range.upperBound <= count, "values \(range) of a tensor of \(count)")
            staged = max(staged, at + byteCount)
            return UnsafeMutableRawBufferPointer(rebasing: stage[at..<(at + byteCount)])
        }
        if staged > 0 && (at != stagedAt + staged || staged + byteCount > stage.count) { try flush() }
        // Nothing is staged here when the stage must grow.
        if byteCount > stage.count { stage = scratch.bytes(byteCount) }
        if staged == 0 { stagedAt = at }
        defer { staged += byteCount }
        return UnsafeMutableRawBufferPointer(rebasing: stage[staged..<(staged + byteCount)])
    }

    /// From now on the stage holds the whole tensor, element i at i × dtype size, and nothing is
    /// written before `finish()`. Call before the first `emit`.
    func holdWhole() {
        precondition(staged == 0 && !holding, "holdWhole after values were emitted")
        let buffer = writer.makeBuffer(for: name)
        held = buffer
        stage = buffer.bytes
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
        if let buffer = held {
            precondition(staged == count * dtype.size, "a held tensor was not emitted whole")
            held = nil
            staged = 0
            stage = scratch.bytes(8 << 20)
            return try writer.writeInBackground(name, owning: buffer)
        }
        try flush()
    }

    private func flush() throws {
        guard staged > 0 else { return }
        try writer.write(name, bytes: UnsafeRawBufferPointer(rebasing: stage[0..<staged]), at: stagedAt)
        staged = 0
    }
}
