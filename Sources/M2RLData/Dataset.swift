import Foundation
import M2RLCore

/// A record that could not become a Problem, with where it is and why.
public struct RecordRejection: Sendable, Equatable, CustomStringConvertible {
    public var location: RecordLocation
    /// `bad_utf8`, `bad_json`, `not_an_object`, `record_too_large`, `unknown_format`,
    /// `unconvertible`, `unsupported_format`, `duplicate_id`.
    public var code: String
    public var message: String

    public init(location: RecordLocation, code: String, message: String) {
        self.location = location
        self.code = code
        self.message = message
    }

    public var description: String { "\(location): \(code): \(message)" }
}

/// Counts of one read.
public struct DatasetCounts: Sendable, Equatable {
    /// Every record is either converted or rejected, so this is their sum by construction.
    public var read: Int { converted + rejected }
    public var converted = 0
    public var rejected = 0
    public var domains: [Domain: Int] = [:]
    public var formats: [DatasetFormat: Int] = [:]
    public var rejections: [String: Int] = [:]

    public init() {}
}

/// One record of a dataset, converted or not.
public enum DatasetRecord: Sendable {
    case problem(RecordLocation, Problem, DatasetFormat)
    case rejected(RecordRejection)
}

/// Reads a dataset (`DatasetReader`) and turns each record into a canonical Problem through the
/// adapters (`DatasetFormat`, fixed or detected per record). Streaming: one record at a time.
public struct Dataset {
    public var format: DatasetFormat?
    public var limits: DatasetLimits

    /// - Parameter format: a fixed format, or nil to detect each record's.
    /// Worker threads for parsing and converting (1: all on the calling thread).
    public var jobs: Int

    public init(format: DatasetFormat? = nil, limits: DatasetLimits = DatasetLimits(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.format = format
        self.limits = limits
        self.jobs = max(1, jobs)
    }

    /// Reads `path`, calling `body` for every record in order.
    /// - Returns: the counts and what the container was.
    /// - Throws: `DatasetError` when the archive itself fails; `body` has seen every record
    ///   before the failure.
    @discardableResult
    public func read(_ path: String, _ body: (DatasetRecord) throws -> Void) throws -> (DatasetCounts, ContainerInfo) {
        var counts = DatasetCounts()
        let info = try read(path, counts: &counts, body)
        return (counts, info)
    }

    /// As `read(_:_:)`, with the counts kept in `counts` (also when the archive fails part-way).
    /// With `jobs` > 1, records are parsed and converted on `jobs` worker threads while one
    /// thread reads the archive; `body` still sees them in archive order, on the calling thread.
    @discardableResult
    public func read(_ path: String, counts: inout DatasetCounts, _ body: (DatasetRecord) throws -> Void) throws -> ContainerInfo {
        func deliver(_ record: DatasetRecord) throws {
            switch record {
            case .problem(_, let problem, let format):
                counts.converted += 1
                counts.domains[problem.domain, default: 0] += 1
                counts.formats[format, default: 0] += 1
            case .rejected(let rejection):
                counts.rejected += 1
                counts.rejections[rejection.code, default: 0] += 1
            }
            try body(record)
        }
        let reader = DatasetReader(limits: limits)
        if jobs <= 1 {
            var out: [DatasetRecord] = []
            return try reader.read(path) { raw in
                out.removeAll(keepingCapacity: true)
                process(raw, into: &out)
                for record in out { try deliver(record) }
            }
        }
        return try ParallelRead(dataset: self, reader: reader, jobs: jobs).run(path, deliver)
    }

    /// Parses and converts one raw record (a JSON array entry yields one record per element).
    func process(_ raw: DatasetReader.RawRecord, into out: inout [DatasetRecord]) {
        func reject(_ location: RecordLocation, _ code: String, _ message: String) {
            out.append(.rejected(RecordRejection(location: location, code: code, message: message)))
        }
        func convert(_ value: JSONValue, at location: RecordLocation) {
            guard case .object(let fields) = value else {
                reject(location, "not_an_object", "the record is JSON but not an object")
                return
            }
            guard let chosen = format ?? DatasetFormat.detect(fields) else {
                let keys = fields.keys.sorted().prefix(8).joined(separator: ", ")
                reject(location, "unknown_format", "no adapter recognises the columns (\(keys)); name one with --format")
                return
            }
            do {
                let problem = try chosen.convert(fields, fallbackID: Dataset.fallbackID(location))
                out.append(.problem(location, problem, chosen))
            } catch let error as ConversionError {
                reject(location, error.code, error.message)
            } catch {
                reject(location, "unconvertible", "\(error)")
            }
        }
        switch raw {
        case .rejected(let location, let code, let message):
            reject(location, code, message)
        case .line(let location, let bytes):
            // The shortcut for canonical records (the common case, and what `dataset convert`
            // writes): it answers only when the general path below would give the same Problem.
            // Under `auto`, a record with `id` and `domain` is canonical: that adapter is tried first.
            if format == nil || format == .canonical, let problem = Problem(canonicalLine: bytes) {
                out.append(.problem(location, problem, .canonical))
                return
            }
            // Strings are checked for UTF-8 as they are made; bytes outside strings must be JSON.
            do { convert(try JSONValue.parse(bytes: bytes), at: location) } catch {
                if JSONValue.isInvalidUTF8(error) || !JSONValue.isValidUTF8(bytes) {
                    reject(location, "bad_utf8", "the line is not valid UTF-8")
                } else {
                    reject(location, "bad_json", "not valid JSON: \(error)")
                }
            }
        case .array(let location, let bytes):
            guard JSONValue.isValidUTF8(bytes) else { return reject(location, "bad_utf8", "the JSON array is not valid UTF-8") }
            let value: JSONValue
            do { value = try JSONValue.parse(bytes: bytes) } catch {
                return reject(location, "bad_json", "not a valid JSON array: \(error)")
            }
            guard case .array(let items) = value else {
                return reject(location, "bad_json", "a .json entry must hold an array of records")
            }
            for (index, item) in items.enumerated() {
                var place = location
                place.line = index
                convert(item, at: place)
            }
        }
    }

    /// An id for a record whose format has none: the entry's (or file's) base name without
    /// extensions, and the line (or array index).
    static func fallbackID(_ location: RecordLocation) -> String {
        let name = location.entry.isEmpty ? location.archive : location.entry
        var base = name.split(separator: "/").last.map(String.init) ?? name
        if let dot = base.firstIndex(of: ".") { base = String(base[..<dot]) }
        return "\(base.isEmpty ? "record" : base)-\(location.line)"
    }
}

/// Problems of a dataset indexed by id (behind `m2rl score --dataset`): every record read and
/// converted as `Dataset` does; duplicates and rejections kept with their locations.
public struct ProblemStore: Sendable {
    public private(set) var problems: [String: Problem] = [:]
    public private(set) var rejected: [RecordRejection] = []
    public private(set) var counts = DatasetCounts()

    /// - Throws: `DatasetError` when the archive itself cannot be read.
    public init(path: String, format: DatasetFormat? = nil, limits: DatasetLimits = DatasetLimits()) throws {
        var problems: [String: Problem] = [:]
        var rejected: [RecordRejection] = []
        let (counts, _) = try Dataset(format: format, limits: limits).read(path) { record in
            switch record {
            case .problem(let location, let problem, _):
                if problems[problem.id] != nil {
                    rejected.append(RecordRejection(location: location, code: "duplicate_id", message: "duplicate problem id '\(problem.id)'"))
                } else {
                    problems[problem.id] = problem
                }
            case .rejected(let rejection):
                rejected.append(rejection)
            }
        }
        self.problems = problems
        self.rejected = rejected
        self.counts = counts
    }

    public var read: Int { counts.read }
}

/// The threaded read behind `Dataset.read(jobs:)`: one thread reads the archive and copies its
/// records into batches (about 1 MiB each), `jobs` workers parse and convert batches, and the
/// calling thread hands the results to the caller in order. At most `3 × jobs` batches are in
/// flight, so memory stays bounded. Spent batches go back to the reader to be filled again (at
/// most `jobs + 1` are kept, none grown past twice `batchBytes` by a long record), so their
/// megabyte buffers are not mapped and faulted in anew for every batch.
final class ParallelRead: @unchecked Sendable {
    struct Span {
        enum Kind { case line, array, rejected }
        var kind: Kind
        var location: RecordLocation
        var start: Int
        var end: Int
        var code = ""
        var message = ""
    }

    struct Batch {
        var bytes: [UInt8] = []
        var spans: [Span] = []
    }

    let dataset: Dataset
    let reader: DatasetReader
    let jobs: Int
    static let batchBytes = 1 << 20
    static let batchRecords = 4_096

    private let lock = NSCondition()
    private var pending: [(Int, Batch)] = []
    /// Each batch's records, with the worker that made them.
    private var results: [Int: (worker: Int, records: [DatasetRecord])] = [:]
    /// Delivered batches, per worker that made them, for that worker to free: memory freed by
    /// the thread that allocated it goes back to that thread's cache and arena, where freeing it
    /// on the caller's thread would take the worker's arena lock for every string.
    private var graves: [[[DatasetRecord]]] = []
    /// Batches in `graves`, counted with the ones in flight.
    private var buried = 0
    /// Emptied batches, their capacity kept, for the reader to fill again.
    private var spare: [Batch] = []
    private var produced = 0
    private var readerDone = false
    private var cancelled = false
    private var readError: Error?
    private var info = ContainerInfo()
    private var running = 0

    init(dataset: Dataset, reader: DatasetReader, jobs: Int) {
        self.dataset = dataset
        self.reader = reader
        self.jobs = jobs
    }

    func run(_ path: String, _ deliver: (DatasetRecord) throws -> Void) throws -> ContainerInfo {
        running = jobs + 1
        graves = Array(repeating: [], count: jobs)
        Thread.detachNewThread { self.readAll(path) }
        for worker in 0..<jobs { Thread.detachNewThread { self.work(worker) } }
        var next = 0
        var failure: Error?
        while true {
            lock.lock()
            while results[next] == nil && !(readerDone && next >= produced) { lock.wait() }
            let batch = results.removeValue(forKey: next)
            lock.broadcast()
            lock.unlock()
            guard let (worker, records) = batch else { break }
            do {
                for k in records.indices { try deliver(records[k]) }
            } catch {
                failure = error
                break
            }
            lock.lock()
            graves[worker].append(records)
            buried += 1
            lock.broadcast()
            lock.unlock()
            next += 1
        }
        lock.lock()
        cancelled = true
        lock.broadcast()
        while running > 0 { lock.wait() }
        let error = readError
        lock.unlock()
        if let failure { throw failure }
        if let error { throw error }
        return info
    }

    private func push(_ batch: Batch) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while pending.count + results.count + buried >= 3 * jobs && !cancelled { lock.wait() }
        if cancelled { return false }
        pending.append((produced, batch))
        produced += 1
        lock.broadcast()
        return true
    }

    private struct Stop: Error {}

    /// An empty batch: a spare one, or a new one with room for `batchBytes`.
    private func emptyBatch() -> Batch {
        lock.lock()
        let reused = spare.popLast()
        lock.unlock()
        if let reused { return reused }
        var batch = Batch()
        batch.bytes.reserveCapacity(ParallelRead.batchBytes + (1 << 16))
        return batch
    }

    private func readAll(_ path: String) {
        var batch = emptyBatch()
        do {
            let info = try reader.read(path) { raw in
                switch raw {
                case .line(let location, let bytes), .array(let location, let bytes):
                    let start = batch.bytes.count
                    batch.bytes.append(contentsOf: bytes)
                    let kind: Span.Kind
                    if case .line = raw { kind = .line } else { kind = .array }
                    batch.spans.append(Span(kind: kind, location: location, start: start, end: batch.bytes.count))
                case .rejected(let location, let code, let message):
                    batch.spans.append(Span(kind: .rejected, location: location, start: 0, end: 0, code: code, message: message))
                }
                if batch.bytes.count >= ParallelRead.batchBytes || batch.spans.count >= ParallelRead.batchRecords {
                    guard push(batch) else { throw Stop() }
                    batch = emptyBatch()
                }
            }
            if !batch.spans.isEmpty { _ = push(batch) }
            lock.lock()
            self.info = info
        } catch is Stop {
            lock.lock()
        } catch {
            if !batch.spans.isEmpty { _ = push(batch) }
            lock.lock()
            readError = error
        }
        readerDone = true
        running -= 1
        lock.broadcast()
        lock.unlock()
    }

    /// Frees what it is given, on the calling thread.
    private func drop(_ dead: consuming [[DatasetRecord]]) {}

    private func work(_ worker: Int) {
        while true {
            lock.lock()
            while pending.isEmpty && graves[worker].isEmpty && !readerDone && !cancelled { lock.wait() }
            let dead = graves[worker]
            graves[worker] = []
            buried -= dead.count
            if cancelled || pending.isEmpty {
                let finished = cancelled || readerDone
                if finished { running -= 1 }
                lock.broadcast()
                lock.unlock()
                drop(dead)
                if finished { return }
                continue
            }
            var (index, batch) = pending.removeFirst()
            lock.broadcast()
            lock.unlock()
            drop(dead)
            var out: [DatasetRecord] = []
            out.reserveCapacity(batch.spans.count)
            batch.bytes.withUnsafeBytes { all in
                for span in batch.spans {
                    let bytes = UnsafeRawBufferPointer(rebasing: all[span.start..<span.end])
                    switch span.kind {
                    case .line: dataset.process(.line(span.location, bytes), into: &out)
                    case .array: dataset.process(.array(span.location, bytes), into: &out)
                    case .rejected: dataset.process(.rejected(span.location, code: span.code, message: span.message), into: &out)
                    }
                }
            }
            batch.bytes.removeAll(keepingCapacity: true)
            batch.spans.removeAll(keepingCapacity: true)
            lock.lock()
            results[index] = (worker, out)
            if spare.count <= jobs && batch.bytes.capacity <= 2 * ParallelRead.batchBytes { spare.append(batch) }
            lock.broadcast()
            lock.unlock()
        }
    }
}
