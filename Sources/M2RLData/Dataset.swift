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

/// Counts of one read. `read == converted + rejected`, always.
public struct DatasetCounts: Sendable, Equatable {
    public var read = 0
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
    public init(format: DatasetFormat? = nil, limits: DatasetLimits = DatasetLimits()) {
        self.format = format
        self.limits = limits
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
    @discardableResult
    public func read(_ path: String, counts: inout DatasetCounts, _ body: (DatasetRecord) throws -> Void) throws -> ContainerInfo {
        func reject(_ rejection: RecordRejection) throws {
            counts.read += 1
            counts.rejected += 1
            counts.rejections[rejection.code, default: 0] += 1
            try body(.rejected(rejection))
        }
        func convert(_ value: JSONValue, at location: RecordLocation) throws {
            guard case .object(let fields) = value else {
                try reject(RecordRejection(location: location, code: "not_an_object", message: "the record is JSON but not an object"))
                return
            }
            guard let chosen = format ?? DatasetFormat.detect(fields) else {
                let keys = fields.keys.sorted().prefix(8).joined(separator: ", ")
                try reject(RecordRejection(location: location, code: "unknown_format",
                                           message: "no adapter recognises the columns (\(keys)); name one with --format"))
                return
            }
            do {
                let problem = try chosen.convert(fields, fallbackID: Dataset.fallbackID(location))
                counts.read += 1
                counts.converted += 1
                counts.domains[problem.domain, default: 0] += 1
                counts.formats[chosen, default: 0] += 1
                try body(.problem(location, problem, chosen))
            } catch let error as ConversionError {
                try reject(RecordRejection(location: location, code: error.code, message: error.message))
            }
        }

        let info = try DatasetReader(limits: limits).read(path) { raw in
            switch raw {
            case .rejected(let location, let code, let message):
                try reject(RecordRejection(location: location, code: code, message: message))
            case .line(let location, let bytes):
                guard JSONValue.isValidUTF8(bytes) else {
                    try reject(RecordRejection(location: location, code: "bad_utf8", message: "the line is not valid UTF-8"))
                    return
                }
                let value: JSONValue
                do { value = try JSONValue.parse(bytes: bytes) } catch {
                    try reject(RecordRejection(location: location, code: "bad_json", message: "not valid JSON: \(error)"))
                    return
                }
                try convert(value, at: location)
            case .array(let location, let bytes):
                guard JSONValue.isValidUTF8(bytes) else {
                    try reject(RecordRejection(location: location, code: "bad_utf8", message: "the JSON array is not valid UTF-8"))
                    return
                }
                let value: JSONValue
                do { value = try JSONValue.parse(bytes: bytes) } catch {
                    try reject(RecordRejection(location: location, code: "bad_json", message: "not a valid JSON array: \(error)"))
                    return
                }
                guard case .array(let items) = value else {
                    try reject(RecordRejection(location: location, code: "bad_json", message: "a .json entry must hold an array of records"))
                    return
                }
                for (index, item) in items.enumerated() {
                    var place = location
                    place.line = index
                    try convert(item, at: place)
                }
            }
        }
        return info
    }

    /// An id for a record whose format has none: the entry's (or file's) base name without
    /// extensions, and the line (or array index).
    static func fallbackID(_ location: RecordLocation) -> String {
        let name = location.entry.isEmpty ? location.archive : location.entry
        var base = (name as NSString).lastPathComponent
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
