import Foundation
import Testing
import M2RLCore
@testable import M2RLData

/// testcases/datasets/manifest.json: every fixture archive with what reading and extracting it
/// must give (written by testcases/datasets/make_archives.py, by construction).
struct FixtureManifest {
    struct Entry: Sendable, CustomStringConvertible {
        var file: String
        var kind: String
        var records: Int?
        var converted: Int?
        var rejected: Int?
        var domains: [String: Int]?
        var readError: String?
        var extractOK: Bool?
        var extractCodes: [String] = []
        /// Per-record expectations: location (with `$FILE`), `result`, `adapter`, `domain`,
        /// `code`/`alt_codes`, `expect` (id, answer, tests.kind, ...).
        var rows: [[String: JSONValue]] = []
        var description: String { file }
    }

    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/testcases/datasets"
    }()

    static let entries: [Entry] = {
        guard let data = FileManager.default.contents(atPath: root + "/manifest.json"),
              let value = try? JSONValue.parse(String(decoding: data, as: UTF8.self)) else { return [] }
        let list: [JSONValue]
        if case .array(let items) = value { list = items } else if let items = value["files"]?.array { list = items } else { list = [] }
        return list.compactMap { item in
            guard let file = item["file"]?.string else { return nil }
            var domains: [String: Int]?
            if case .object(let d)? = item["domains"] { domains = d.compactMapValues(\.int) }
            let codes = ([item["extract"]?["code"]] + (item["extract"]?["also_acceptable"]?.array ?? []).map { Optional($0) }).compactMap { $0?.string }
            let rows: [[String: JSONValue]] = (item["rows"]?.array ?? []).compactMap { row in
                guard case .object(let fields) = row, fields["location"] != nil else { return nil }
                return fields
            }
            return Entry(file: file, kind: item["kind"]?.string ?? "", records: item["records"]?.int, converted: item["converted"]?.int,
                         rejected: item["rejected"]?.int, domains: domains, readError: item["read_error"]?.string,
                         extractOK: item["extract"]?["ok"]?.bool, extractCodes: codes, rows: rows)
        }
    }()
}

@Suite("Datasets: testcases/datasets fixtures")
struct FixtureTests {
    @Test("the manifest lists fixtures of every kind")
    func manifest() {
        let kinds = Set(FixtureManifest.entries.map(\.kind))
        #expect(FixtureManifest.entries.count >= 20, "testcases/datasets/manifest.json: \(FixtureManifest.entries.count) files")
        #expect(kinds.isSuperset(of: ["container", "adapter", "hostile"]), "\(kinds)")
    }

    @Test("reading gives the manifest's counts, domains and final error", arguments: FixtureManifest.entries)
    func read(entry: FixtureManifest.Entry) throws {
        let path = FixtureManifest.root + "/" + entry.file
        var counts = DatasetCounts()
        var failure: DatasetError?
        do {
            try Dataset(jobs: 2).read(path, counts: &counts) { _ in }
        } catch let error as DatasetError {
            failure = error
        }
        #expect(failure?.code == entry.readError, "\(entry.file): \(failure.map { "\($0)" } ?? "no error")")
        if let records = entry.records { #expect(counts.read == records, "\(entry.file) records") }
        if let converted = entry.converted { #expect(counts.converted == converted, "\(entry.file) converted; rejections \(counts.rejections)") }
        if let rejected = entry.rejected { #expect(counts.rejected == rejected, "\(entry.file) rejected; \(counts.rejections)") }
        if let domains = entry.domains, !domains.isEmpty {
            var got: [String: Int] = [:]
            for (domain, n) in counts.domains { got[domain.rawValue] = n }
            #expect(got == domains, "\(entry.file) domains")
        }
    }

    @Test("each listed record: its location, result, adapter, domain, rejection code and converted fields",
          arguments: FixtureManifest.entries.filter { !$0.rows.isEmpty })
    func rows(entry: FixtureManifest.Entry) throws {
        let path = FixtureManifest.root + "/" + entry.file
        var seen: [String: DatasetRecord] = [:]
        do {
            try Dataset(jobs: 1).read(path) { record in
                switch record {
                case .problem(let location, _, _): seen[location.description] = record
                case .rejected(let rejection): seen[rejection.location.description] = record
                }
            }
        } catch is DatasetError {}
        for row in entry.rows {
            let location = row["location"]!.string!.replacingOccurrences(of: "$FILE", with: path)
            guard let record = seen[location] else {
                Issue.record("\(entry.file): no record at \(location) (have \(seen.keys.sorted().prefix(4)))")
                continue
            }
            switch (record, row["result"]?.string) {
            case (.problem(_, let problem, let format), "converted"):
                if let adapter = row["adapter"]?.string { #expect(DatasetFormat(name: adapter) == format, "\(location)") }
                if let domain = row["domain"]?.string { #expect(problem.domain.rawValue == domain, "\(location)") }
                let expect = row["expect"] ?? .object([:])
                if let id = expect["id"]?.string { #expect(problem.id == id, "\(location)") }
                if let answer = expect["answer"]?.string { #expect(problem.answer == answer, "\(location)") }
                if let kind = expect["tests.kind"]?.string { #expect(problem.tests?.kind.rawValue == kind, "\(location)") }
                if let fn = expect["tests.fn_name"]?.string { #expect(problem.tests?.fnName == fn, "\(location)") }
                if let entryPoint = expect["tests.entry_point"]?.string { #expect(problem.tests?.entryPoint == entryPoint, "\(location)") }
                if let cases = expect["tests.cases"]?.int { #expect(problem.tests?.cases?.count == cases, "\(location)") }
                if let count = expect["choices.count"]?.int { #expect(problem.choices?.count == count, "\(location)") }
                if let ids = expect["instructions.ids"]?.array {
                    #expect(problem.instructions?.map(\.id) == ids.compactMap(\.string), "\(location)")
                }
                if let start = expect["prompt_startswith"]?.string { #expect(problem.prompt?.hasPrefix(start) == true, "\(location)") }
                if let text = expect["answer_text"]?.string, let letter = problem.answer,
                   let index = letter.unicodeScalars.first.map({ Int($0.value) - 65 }) {
                    #expect(problem.choices?[index] == text, "\(location)")
                }
            case (.rejected(let rejection), "rejected"):
                let codes = ([row["code"]] + (row["alt_codes"]?.array ?? []).map { Optional($0) }).compactMap { $0?.string }
                #expect(codes.contains(rejection.code), "\(location): \(rejection)")
            default:
                Issue.record("\(entry.file): \(location) expected \(row["result"]?.string ?? "?"), got \(record)")
            }
        }
    }

    @Test("extraction writes what is safe and refuses the rest with the manifest's code, never outside the folder",
          arguments: FixtureManifest.entries.filter { $0.extractOK != nil })
    func extract(entry: FixtureManifest.Entry) throws {
        let outer = NSTemporaryDirectory() + "m2rl-extract-\(UUID().uuidString)"
        let target = outer + "/target"
        var failure: DatasetError?
        do {
            try DatasetExtractor().extract(FixtureManifest.root + "/" + entry.file, to: target)
        } catch let error as DatasetError {
            failure = error
        }
        if entry.extractOK == true {
            #expect(failure == nil, "\(entry.file): \(failure.map { "\($0)" } ?? "")")
        } else {
            #expect(failure.map { entry.extractCodes.contains($0.code) } == true, "\(entry.file): \(failure.map { "\($0)" } ?? "no error"), expected \(entry.extractCodes)")
        }
        // Nothing beside the target folder.
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: outer)) ?? []
        #expect(siblings == ["target"] || siblings.isEmpty, "\(entry.file) wrote \(siblings)")
        try? FileManager.default.removeItem(atPath: outer)
    }
}
