/// Memory for one tensor's whole output bytes, made by `CheckpointWriter.makeBuffer(for:)` and
/// handed back to `CheckpointWriter.writeInBackground(_:owning:)`, which writes it to the file
/// without copying it and then keeps it for a later tensor (or frees it).
///
/// Byte 0 of `bytes` lies at the same offset modulo `CheckpointWriter.directAlignment` as the
/// tensor's first byte in its file, so the aligned middle of the tensor can go to the disk
/// straight from here (`O_DIRECT` wants file offset and memory aligned alike).
public final class TensorBuffer: @unchecked Sendable {
    /// The tensor's bytes (uninitialised at first: a reused buffer holds an earlier tensor's).
    public private(set) var bytes: UnsafeMutableRawBufferPointer
    /// Bytes allocated, at `directAlignment`.
    let capacity: Int
    /// Pieces of a write behind not yet written (guarded by the writer's lock).
    var pending = 0
    private let allocation: UnsafeMutableRawPointer

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        allocation = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: CheckpointWriter.directAlignment)
        bytes = UnsafeMutableRawBufferPointer(start: allocation, count: 0)
    }

    /// Points `bytes` at `byteCount` bytes starting `phase` bytes into the allocation.
    func place(byteCount: Int, phase: Int) {
        precondition(byteCount >= 0 && phase >= 0 && phase < CheckpointWriter.directAlignment && phase + byteCount <= capacity)
        bytes = UnsafeMutableRawBufferPointer(start: allocation + phase, count: byteCount)
    }

    deinit { allocation.deallocate() }
}
