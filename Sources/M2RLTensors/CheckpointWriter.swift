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
///
/// Large writes bypass the page cache (`O_DIRECT`) and happen behind the caller: the 4 KiB-
/// aligned middle of a write is copied into aligned bounce buffers (at most `bounceCount` of
/// `bounceSize` bytes), or, for a whole tensor in a `TensorBuffer`, written from that buffer
/// without a copy; `writerCount` threads write them to the file while the caller goes on, and
/// the unaligned edges and short writes, copied, through the cache. A merge's output is written
/// once and not read back, and filling fresh page-cache pages is what a buffered write mostly
/// costs (on a VM that gives freed memory back to its host, `dd if=/dev/zero bs=8M count=128`
/// into a new file took 4.2 s, and 1.0 s with `oflag=direct`). With `direct: false`, or where
/// the file system refuses `O_DIRECT` (tmpfs before Linux 6.6), every write is buffered and made
/// at once; where a direct write fails with `EINVAL`, its piece is buffered. A failed write
/// behind is thrown by the next `write` or by `finish`.
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
        /// The same file opened with `O_DIRECT`, or -1 where the file system refuses it.
        var direct: Int32
        var dataStart: Int
    }

    /// File offsets, lengths and memory of direct writes are multiples of this (bytes): the
    /// page size, which covers every logical block size Linux file systems use.
    static let directAlignment = 4096
    /// Writes shorter than this (bytes) are not worth splitting and go through the cache.
    static let directMinimum = 1 << 16
    /// The size of each bounce buffer (bytes), how many there may be, and the threads that write
    /// them out.
    static let bounceSize = 4 << 20
    static let bounceCount = 8
    static let writerCount = 2
    /// `O_DIRECT`, which Glibc's Swift overlay does not export (Linux's values per architecture).
    static let directFlag: Int32? = {
        #if os(Linux) && (arch(x86_64) || arch(i386))
        return 0o40000
        #elseif os(Linux) && (arch(arm64) || arch(arm))
        return 0o200000
        #else
        return nil
        #endif
    }()
    /// A piece waiting to be written behind the caller.
    private struct Pending {
        enum Bytes {
            /// A bounce buffer, written directly, then back to the free list.
            case bounce(UnsafeMutableRawPointer)
            /// Part of a tensor buffer, written directly; the buffer is kept or freed after its
            /// last piece.
            case tensor(TensorBuffer, UnsafeMutableRawPointer)
            /// A copy of an unaligned edge or a short write, written through the cache.
            case cached([UInt8])
        }
        var bytes: Bytes
        var count: Int
        var offset: Int
        var shard: Shard
        var path: String
    }
    /// Guards the bounce buffers, the queue and the writer threads' state.
    private let behind = NSCondition()
    private var bounceFree: [UnsafeMutableRawPointer] = []
    private var bounceAll: [UnsafeMutableRawPointer] = []
    private var queue: [Pending] = []
    private var inFlight = 0
    /// Bytes handed to `writeInBackground` and not yet written.
    private var backgroundBytes = 0
    /// The most bytes `writeInBackground` lets wait (one larger piece may wait alone).
    static let backgroundLimit = 512 << 20
    /// Written tensor buffers kept for later tensors, and their bytes, at most `spareLimit`.
    private var spare: [TensorBuffer] = []
    private var spareBytes = 0
    static let spareLimit = 256 << 20
    private var writersStarted = false
    private var writersRunning = 0
    private var stopping = false
    private var behindError: Error?
    /// Bytes that went to the files around the page cache (the rest went through it).
    private(set) var bytesWrittenDirect = 0

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
    ///   - direct: write large pieces around the page cache where the file system allows it.
    /// - Throws: `TensorsError.io` when a file cannot be created.
    public init(directory: String, tensors: [Tensor], shardSize: Int, metadata: [String: String] = [:],
                direct: Bool = true) throws {
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
            let directFD = direct ? Self.directFlag.map { open(path, O_WRONLY | O_CLOEXEC | $0) } ?? -1 : -1
            shards.append(Shard(name: name, descriptor: fd, direct: directFD, dataStart: 8 + header.count))
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
        for shard in shards {
            if shard.descriptor >= 0 { close(shard.descriptor) }
            if shard.direct >= 0 { close(shard.direct) }
        }
        for buffer in bounceAll { buffer.deallocate() }
    }

    /// Writes one tensor's bytes (exactly its planned size). Safe from several threads.
    public func write(_ name: String, bytes: UnsafeRawBufferPointer) throws {
        guard let place = placements[name] else {
            preconditionFailure("tensor \(name) was not planned")
        }
        precondition(bytes.count == place.byteCount, "tensor \(name): \(bytes.count) bytes, planned \(place.byteCount)")
        let shard = shards[place.shard]
        let path = (directory as NSString).appendingPathComponent(shard.name + ".partial")
        try write(shard, bytes, at: shard.dataStart + place.offset, path: path)
    }

    /// Writes part of a tensor: `bytes` at `byteOffset` inside the tensor's planned span.
    public func write(_ name: String, bytes: UnsafeRawBufferPointer, at byteOffset: Int) throws {
        guard let place = placements[name] else {
            preconditionFailure("tensor \(name) was not planned")
        }
        precondition(byteOffset >= 0 && byteOffset + bytes.count <= place.byteCount, "tensor \(name): write past its span")
        let shard = shards[place.shard]
        let path = (directory as NSString).appendingPathComponent(shard.name + ".partial")
        try write(shard, bytes, at: shard.dataStart + place.offset + byteOffset, path: path)
    }

    /// A buffer for tensor `name`'s whole bytes, placed for writing without a copy
    /// (`TensorBuffer`): a kept one that is large enough (the smallest such), else a new one.
    /// Reuse matters: each fresh page costs a fault and zeroing, and the merge bench's TIES
    /// output faulted in 150,000 of them (`perf record -e page-faults`) before buffers were kept.
    public func makeBuffer(for name: String) -> TensorBuffer {
        guard let place = placements[name] else {
            preconditionFailure("tensor \(name) was not planned")
        }
        let shard = shards[place.shard]
        let phase = (shard.dataStart + place.offset) % Self.directAlignment
        let need = phase + place.byteCount
        behind.lock()
        let fit = spare.indices.filter { spare[$0].capacity >= need }.min { spare[$0].capacity < spare[$1].capacity }
        let kept = fit.map { spare.remove(at: $0) }
        spareBytes -= kept?.capacity ?? 0
        behind.unlock()
        // Room for any phase, in whole 64 KiB: tensors of one shape fit each other's buffers.
        let buffer = kept ?? TensorBuffer(capacity: (place.byteCount + Self.directAlignment + 0xFFFF) & ~0xFFFF)
        buffer.place(byteCount: place.byteCount, phase: phase)
        return buffer
    }

    /// Keeps a written buffer for a later tensor while the kept ones stay within `spareLimit`;
    /// returns it otherwise, for the caller to drop (free) outside the lock. Call with the lock held.
    private func keep(_ buffer: TensorBuffer) -> TensorBuffer? {
        guard spareBytes + buffer.capacity <= Self.spareLimit else { return buffer }
        spare.append(buffer)
        spareBytes += buffer.capacity
        return nil
    }

    /// Writes tensor `name` whole from `buffer` (from `makeBuffer(for: name)`, filled) behind the
    /// caller, who would otherwise wait while the disk catches up: the writer threads write its
    /// aligned middle straight from the buffer and its edges from copies (`enqueueWrite`), and
    /// keep the buffer for a later tensor after its last piece (or free it). Where the file is
    /// not written directly, a thread of its own writes the whole through the cache. At most
    /// `backgroundLimit` bytes (or one larger tensor) wait: a caller handing over more waits here
    /// until earlier pieces are written, so memory stays bounded when the disk is slower than the
    /// merge. `finish()` waits for every piece.
    /// - Throws: the error of an earlier failed write behind (`finish()` throws it too).
    public func writeInBackground(_ name: String, owning buffer: TensorBuffer) throws {
        guard let place = placements[name] else {
            preconditionFailure("tensor \(name) was not planned")
        }
        precondition(buffer.bytes.count == place.byteCount, "tensor \(name): \(buffer.bytes.count) bytes, planned \(place.byteCount)")
        let shard = shards[place.shard]
        let path = (directory as NSString).appendingPathComponent(shard.name + ".partial")
        let offset = shard.dataStart + place.offset
        let bytes = UnsafeRawBufferPointer(buffer.bytes)

        behind.lock()
        precondition(!stopping, "a write after finish or abandon")
        while backgroundBytes > 0 && backgroundBytes + bytes.count > Self.backgroundLimit { behind.wait() }
        if let behindError {
            behind.unlock()
            throw behindError
        }
        backgroundBytes += bytes.count
        behind.unlock()

        guard shard.direct >= 0 else {
            behind.lock()
            inFlight += 1
            behind.unlock()
            Thread.detachNewThread { [self] in
                var failure: Error?
                do { try writeAll(shard.descriptor, UnsafeRawBufferPointer(buffer.bytes), at: offset, path: path) } catch { failure = error }
                behind.lock()
                if let failure, behindError == nil { behindError = failure }
                backgroundBytes -= buffer.bytes.count
                inFlight -= 1
                // Not kept: freed when this closure, which holds it, is released.
                _ = keep(buffer)
                behind.broadcast()
                behind.unlock()
            }
            return
        }
        // Copies of the edges (or of a short tensor) need not wait in the count, nor the buffer
        // when nothing is written from it.
        let owned = try enqueueWrite(bytes, at: offset, shard: shard, path: path, owner: buffer)
        behind.lock()
        backgroundBytes -= bytes.count - owned
        if owned == 0 { _ = keep(buffer) }
        behind.unlock()
    }

    /// Closes the shards, renames them into place and writes the index when there are several.
    public func finish() throws {
        try drain()
        for index in shards.indices {
            let partial = (directory as NSString).appendingPathComponent(shards[index].name + ".partial")
            let final = (directory as NSString).appendingPathComponent(shards[index].name)
            if shards[index].direct >= 0 { close(shards[index].direct) }
            shards[index].direct = -1
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
        _ = try? drain()
        for index in shards.indices {
            if shards[index].descriptor >= 0 { close(shards[index].descriptor) }
            if shards[index].direct >= 0 { close(shards[index].direct) }
            shards[index].descriptor = -1
            shards[index].direct = -1
            unlink((directory as NSString).appendingPathComponent(shards[index].name + ".partial"))
        }
    }

    /// Writes `bytes` at file `offset`: without a direct descriptor, through the cache at once;
    /// with one, behind the caller (`enqueueWrite`), through bounce buffers.
    /// - Throws: the error of an earlier failed write behind, or of this write through the cache.
    private func write(_ shard: Shard, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws {
        guard shard.direct >= 0 else { return try writeAll(shard.descriptor, bytes, at: offset, path: path) }
        try throwFailureBehind()
        _ = try enqueueWrite(bytes, at: offset, shard: shard, path: path, owner: nil)
    }

    /// Queues `bytes` (at file `offset`, in a shard with a direct descriptor) for the writer
    /// threads: the 4 KiB-aligned middle, when the write is long enough to split, to be written
    /// directly in pieces of `bounceSize`, straight from `owner` when given (its memory lies at
    /// the file's phase: `makeBuffer`) and copied into bounce buffers otherwise; the rest, copied,
    /// through the cache. The caller must not make those buffered writes itself: ext4 holds the
    /// inode lock through each direct write to new blocks, so a buffered write waits for one (a
    /// version that wrote held tensors' edges from the workers left the merge bench's two cores
    /// idle a fifth of the time, `perf record -e sched:sched_switch`).
    /// - Returns: the bytes to be written from `owner` (its pending pieces are counted first).
    /// - Throws: the error of a failed write behind, while waiting for a bounce buffer.
    private func enqueueWrite(_ bytes: UnsafeRawBufferPointer, at offset: Int, shard: Shard, path: String,
                              owner: TensorBuffer?) throws -> Int {
        let align = Self.directAlignment
        var middleStart = (offset + align - 1) / align * align, middleEnd = (offset + bytes.count) / align * align
        if bytes.count < Self.directMinimum || middleEnd - middleStart < align { (middleStart, middleEnd) = (offset, offset) }
        let head = middleStart - offset, tail = offset + bytes.count - middleEnd
        if head > 0 {
            enqueue(Pending(bytes: .cached(Array(bytes[0..<head])), count: head, offset: offset, shard: shard, path: path))
        }
        if tail > 0 {
            enqueue(Pending(bytes: .cached(Array(bytes[(bytes.count - tail)...])), count: tail, offset: middleEnd, shard: shard, path: path))
        }
        if let owner, middleEnd > middleStart {
            precondition((Int(bitPattern: bytes.baseAddress!) + head) % align == 0, "a tensor buffer not at its file's phase")
            behind.lock()
            owner.pending = (middleEnd - middleStart + Self.bounceSize - 1) / Self.bounceSize
            behind.unlock()
        }
        var done = middleStart
        while done < middleEnd {
            let count = min(Self.bounceSize, middleEnd - done)
            let start = bytes.baseAddress! + (done - offset)
            if let owner {
                enqueue(Pending(bytes: .tensor(owner, UnsafeMutableRawPointer(mutating: start)), count: count, offset: done, shard: shard, path: path))
            } else {
                let bounce = try takeBounce()
                bounce.copyMemory(from: start, byteCount: count)
                enqueue(Pending(bytes: .bounce(bounce), count: count, offset: done, shard: shard, path: path))
            }
            done += count
        }
        return owner == nil ? 0 : middleEnd - middleStart
    }

    /// Throws the error of a failed write behind, if there was one.
    private func throwFailureBehind() throws {
        behind.lock()
        defer { behind.unlock() }
        if let behindError { throw behindError }
    }

    /// A free bounce buffer, made while there are fewer than `bounceCount`, else waited for.
    /// - Throws: the error of a failed write behind.
    private func takeBounce() throws -> UnsafeMutableRawPointer {
        behind.lock()
        defer { behind.unlock() }
        while true {
            if let behindError { throw behindError }
            if let buffer = bounceFree.popLast() { return buffer }
            if bounceAll.count < Self.bounceCount {
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.bounceSize, alignment: Self.directAlignment)
                bounceAll.append(buffer)
                return buffer
            }
            behind.wait()
        }
    }

    private func enqueue(_ write: Pending) {
        behind.lock()
        precondition(!stopping, "a write after finish or abandon")
        queue.append(write)
        inFlight += 1
        if !writersStarted {
            writersStarted = true
            writersRunning = Self.writerCount
            for _ in 0..<Self.writerCount {
                let thread = Thread { [self] in writeBehind() }
                thread.start()
            }
        }
        behind.broadcast()
        behind.unlock()
    }

    /// A writer thread: writes queued pieces until `drain` stops it.
    private func writeBehind() {
        behind.lock()
        while true {
            while queue.isEmpty && !stopping { behind.wait() }
            if queue.isEmpty { break }
            var job: Pending? = queue.removeFirst()
            let failed = behindError != nil
            behind.unlock()
            var error: Error?
            var direct = 0
            if !failed, let piece = job {
                do {
                    switch piece.bytes {
                    case .bounce(let start), .tensor(_, let start): direct = try writeDirect(piece, from: start)
                    case .cached(let copy): try writeAll(piece.shard.descriptor, copy, at: piece.offset, path: piece.path)
                    }
                } catch let failure { error = failure }
            }
            behind.lock()
            if let error, behindError == nil { behindError = error }
            bytesWrittenDirect += direct
            inFlight -= 1
            var dropped: TensorBuffer?
            switch job!.bytes {
            case .bounce(let buffer): bounceFree.append(buffer)
            case .tensor(let owner, _):
                backgroundBytes -= job!.count
                owner.pending -= 1
                if owner.pending == 0 { dropped = keep(owner) }
            case .cached: break
            }
            behind.broadcast()
            if dropped != nil {
                // Freed (a large unmap) without holding up the workers.
                behind.unlock()
                (job, dropped) = (nil, nil)
                behind.lock()
            }
        }
        writersRunning -= 1
        behind.broadcast()
        behind.unlock()
    }

    /// Writes a piece's `count` bytes from `buffer` with the direct descriptor; on `EINVAL` (the
    /// file system wants another alignment) or a partial block, the rest goes through the cache.
    /// - Returns: the bytes written directly.
    private func writeDirect(_ job: Pending, from buffer: UnsafeMutableRawPointer) throws -> Int {
        var written = 0
        while written < job.count {
            let n = pwrite(job.shard.direct, buffer + written, job.count - written, off_t(job.offset + written))
            if n > 0 && n % Self.directAlignment == 0 { written += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno != EINVAL {
                throw TensorsError(.io, file: job.path, "write failed at byte \(job.offset + written): \(String(cString: strerror(errno)))")
            }
            let from = written + max(n, 0)
            try writeAll(job.shard.descriptor, UnsafeRawBufferPointer(start: buffer + from, count: job.count - from),
                         at: job.offset + from, path: job.path)
            return from
        }
        return written
    }

    /// Waits until every write behind is done and stops the writer threads.
    /// - Throws: the first failed write behind.
    private func drain() throws {
        behind.lock()
        defer { behind.unlock() }
        while inFlight > 0 { behind.wait() }
        stopping = true
        behind.broadcast()
        while writersRunning > 0 { behind.wait() }
        if let behindError { throw behindError }
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
