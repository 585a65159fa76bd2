import Foundation
import M2RLCore

/// What `m2rl dataset inspect` reports about a dataset: its container, entries, counts per
/// domain and adapter, a few converted problems and the first rejections.
public struct DatasetInspection: Sendable {
    public var path: String
    public var info = ContainerInfo()
    public var counts = DatasetCounts()
    public var sample: [Problem] = []
    public var rejections: [RecordRejection] = []
    /// Set when the archive itself failed part-way (the counts cover what came before).
    public var failure: DatasetError?

    public static let sampleSize = 3
    public static let maxRejectionsShown = 20

    /// Reads the whole dataset. `progress` is called now and then with the records so far.
    public init(path: String, dataset: Dataset, progress: ((Int) -> Void)? = nil) {
        self.path = path
        var sample: [Problem] = []
        var rejections: [RecordRejection] = []
        var seen = 0
        var counts = DatasetCounts()
        do {
            info = try dataset.read(path, counts: &counts) { record in
                seen += 1
                if seen % 65_536 == 0 { progress?(seen) }
                switch record {
                case .problem(_, let problem, _):
                    if sample.count < DatasetInspection.sampleSize { sample.append(problem) }
                case .rejected(let rejection):
                    if rejections.count < DatasetInspection.maxRejectionsShown { rejections.append(rejection) }
                }
            }
        } catch let error as DatasetError {
            failure = error
        } catch {
            failure = DatasetError(code: "internal", archive: path, "\(error)")
        }
        self.counts = counts
        self.sample = sample
        self.rejections = rejections
    }

    /// The report as JSON (keys sorted when printed).
    public var json: JSONValue {
        var domains: [String: JSONValue] = [:]
        for (domain, n) in counts.domains { domains[domain.rawValue] = .int(n) }
        var formats: [String: JSONValue] = [:]
        for (format, n) in counts.formats { formats[format.rawValue] = .int(n) }
        var codes: [String: JSONValue] = [:]
        for (code, n) in counts.rejections { codes[code] = .int(n) }
        let sampleJSON = sample.map(\.json)
        var object: [String: JSONValue] = [
            "archive": .string(path),
            "filters": .array(info.filters.map { .string($0) }),
            "format": .string(info.format),
            "entries": .array(info.entries.map { .object(["name": .string($0.name), "bytes": .int(Int($0.bytes)), "records": .int($0.records)]) }),
            "compressed_bytes": .int(Int(info.compressedBytes)),
            "expanded_bytes": .int(Int(info.expandedBytes)),
            "records": .int(counts.read),
            "converted": .int(counts.converted),
            "rejected": .int(counts.rejected),
            "domains": .object(domains),
            "adapters": .object(formats),
            "rejection_codes": .object(codes),
            "sample": .array(sampleJSON),
            "rejections": .array(rejections.map { .object(["location": .string($0.location.description), "code": .string($0.code), "message": .string($0.message)]) }),
        ]
        object["error"] = failure.map { .object(["code": .string($0.code), "entry": $0.entry.map { .string($0) } ?? .null, "message": .string($0.message)]) } ?? .null
        return .object(object)
    }

    /// The report for people.
    public var text: String {
        var lines: [String] = []
        let container = ([info.format] + info.filters).filter { !$0.isEmpty }.joined(separator: " + ")
        lines.append("\(path): \(container.isEmpty ? "unknown container" : container), \(info.entries.count) entries, \(info.expandedBytes) bytes expanded")
        for entry in info.entries.prefix(20) {
            lines.append("  \(entry.name.isEmpty ? "(data)" : entry.name): \(entry.bytes) bytes, \(entry.records) records")
        }
        if info.entries.count > 20 { lines.append("  ... \(info.entries.count - 20) more entries") }
        lines.append("records \(counts.read), converted \(counts.converted), rejected \(counts.rejected)")
        if !counts.domains.isEmpty {
            lines.append("domains: " + counts.domains.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        }
        if !counts.formats.isEmpty {
            lines.append("adapters: " + counts.formats.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        }
        for problem in sample {
            let prompt = (problem.prompt ?? "").replacingOccurrences(of: "\n", with: " ").prefix(70)
            lines.append("sample: \(problem.id) [\(problem.domain.rawValue)] \(prompt)")
        }
        for rejection in rejections { lines.append("rejected: \(rejection)") }
        if counts.rejected > rejections.count { lines.append("... \(counts.rejected - rejections.count) more rejections") }
        if let failure { lines.append("error: \(failure)") }
        return lines.joined(separator: "\n")
    }
}
