import Foundation
import M2RLCore
import Testing
@testable import M2RLVerify

/// The shared reference data (read-only, never copied into the project), found through
/// `M2RL_REFERENCE_DATA` (default `../shared/datasets` beside the repository).
enum ReferenceData {
    static let root: String = {
        if let path = ProcessInfo.processInfo.environment["M2RL_REFERENCE_DATA"], !path.isEmpty { return path }
        return URL(fileURLWithPath: VerifyFixtures.root).deletingLastPathComponent().appendingPathComponent("shared/datasets").path
    }()

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static func folder(_ name: String) -> String? {
        let path = root + "/" + name
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue ? path : nil
    }

    static func jsonLines(_ path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }
}

/// IFBench (Allen Institute for AI, Apache-2.0): the 294 test prompts, one real model response
/// each, and the reference evaluator's per-instruction verdicts, strict and loose. m2rl must
/// reproduce every boolean; the differences it does not reproduce are listed, each with its
/// reason, in testcases/instruction/ifbench-differences.jsonl, and the list must be exact (a
/// listed difference that no longer occurs fails too, so the list cannot go stale).
@Suite("IFBench conformance")
struct IFBenchConformanceTests {
    struct Difference: Hashable, Comparable, CustomStringConvertible {
        var key: String
        var index: Int
        var id: String
        var mode: String
        var reference: Bool
        static func < (a: Difference, b: Difference) -> Bool {
            (Int(a.key) ?? 0, a.index, a.mode) < (Int(b.key) ?? 0, b.index, b.mode)
        }
        var description: String { "key \(key) [\(index)] \(id) \(mode): reference \(reference), m2rl \(!reference)" }
    }

    static let available = ReferenceData.folder("ifbench") != nil

    @Test(.enabled(if: available || ReferenceData.isCI,
                   "skipped: IFBench reference data not found at M2RL_REFERENCE_DATA/ifbench (default ../shared/datasets)"))
    func reproducesEveryReferenceVerdict() throws {
        guard let folder = ReferenceData.folder("ifbench") else {
            Issue.record("CI=true but the IFBench reference data is missing at \(ReferenceData.root)/ifbench")
            return
        }
        let prompts = try ReferenceData.jsonLines(folder + "/IFBench_test.jsonl")
        var responses: [String: String] = [:]
        for row in try ReferenceData.jsonLines(folder + "/sample_output.jsonl") {
            guard let prompt = row["prompt"]?.string, let response = row["response"]?.string else { continue }
            responses[prompt] = response
            responses[String(PythonText.strip(prompt))] = response
        }
        var verdicts: [String: [String: [Bool]]] = ["strict": [:], "loose": [:]]
        for mode in ["strict", "loose"] {
            for row in try ReferenceData.jsonLines(folder + "/eval_results_\(mode).jsonl") {
                guard let prompt = row["prompt"]?.string, let list = row["follow_instruction_list"]?.array else { continue }
                verdicts[mode]![prompt] = list.compactMap(\.bool)
            }
        }
        #expect(prompts.count == 294)

        // While checkers are being written, M2RL_IFBENCH_PREFIXES=count:,ratio: limits the run
        // to rows whose ids all start with one of the prefixes (never set in CI).
        let prefixes = ProcessInfo.processInfo.environment["M2RL_IFBENCH_PREFIXES"]?.split(separator: ",").map(String.init)
        var found: [Difference] = []
        var agree: [String: (strict: Int, loose: Int, total: Int)] = [:]
        for row in prompts {
            let key = row["key"]?.string ?? row["key"].map(\.jsonText) ?? "?"
            let prompt = try #require(row["prompt"]?.string)
            let ids = try #require(row["instruction_id_list"]?.array).compactMap(\.string)
            let kwargs = row["kwargs"]?.array ?? []
            if let prefixes, !ids.allSatisfy({ id in prefixes.contains { id.hasPrefix($0) } }) { continue }
            let response = try #require(responses[prompt] ?? responses[String(PythonText.strip(prompt))], "no response for key \(key)")
            let strictReference = try #require(verdicts["strict"]![prompt], "no strict verdicts for key \(key)")
            let looseReference = try #require(verdicts["loose"]![prompt], "no loose verdicts for key \(key)")
            try #require(strictReference.count == ids.count && looseReference.count == ids.count)

            let instructions = ids.enumerated().map { k, id in
                var values: [String: JSONValue] = [:]
                if k < kwargs.count, case .object(let object) = kwargs[k] { values = object.filter { $0.value != .null } }
                return Instruction(id: id, kwargs: values)
            }
            let problem = Problem(id: key, domain: .instruction, prompt: prompt, instructions: instructions)
            let evaluation: InstructionEvaluation
            do {
                evaluation = InstructionEvaluation.evaluate(try InstructionVerifier.checks(for: problem), response: response)
            } catch {
                Issue.record("key \(key): the problem does not build: \(error)")
                continue
            }
            for (k, id) in ids.enumerated() {
                var tally = agree[id] ?? (0, 0, 0)
                tally.total += 1
                if evaluation.strict[k] == strictReference[k] { tally.strict += 1 } else {
                    found.append(Difference(key: key, index: k, id: id, mode: "strict", reference: strictReference[k]))
                }
                if evaluation.loose[k] == looseReference[k] { tally.loose += 1 } else {
                    found.append(Difference(key: key, index: k, id: id, mode: "loose", reference: looseReference[k]))
                }
                agree[id] = tally
            }
        }

        // The agreement table, per instruction id (shown in the test log).
        let totals = agree.values.reduce((0, 0, 0)) { ($0.0 + $1.strict, $0.1 + $1.loose, $0.2 + $1.total) }
        var table = "IFBench agreement per instruction (strict, loose, of n):\n"
        for (id, tally) in agree.sorted(by: { $0.key < $1.key }) {
            table += "  \(id.padding(toLength: 36, withPad: " ", startingAt: 0)) \(tally.strict)/\(tally.total) \(tally.loose)/\(tally.total)\n"
        }
        table += "  all: strict \(totals.0)/\(totals.2), loose \(totals.1)/\(totals.2)\n"
        print(table)

        let listed = try Self.listedDifferences().filter { d in prefixes.map { $0.contains { d.id.hasPrefix($0) } } ?? true }
        let foundSet = Set(found)
        for difference in found.sorted() where !listed.contains(difference) {
            Issue.record("unlisted difference: \(difference)")
        }
        for difference in listed.sorted() where !foundSet.contains(difference) {
            Issue.record("listed in ifbench-differences.jsonl but m2rl now agrees: \(difference)")
        }
    }

    /// testcases/instruction/ifbench-differences.jsonl: `{"key", "index", "id", "mode",
    /// "reference", "m2rl", "reason"}`, one difference per line.
    static func listedDifferences() throws -> Set<Difference> {
        let path = VerifyFixtures.root + "/testcases/instruction/ifbench-differences.jsonl"
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        var out: Set<Difference> = []
        for (n, line) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").enumerated() {
            let row = try JSONValue.parse(String(line))
            guard let key = row["key"]?.string, let index = row["index"]?.int, let id = row["id"]?.string,
                  let mode = row["mode"]?.string, let reference = row["reference"]?.bool,
                  let reason = row["reason"]?.string, !reason.isEmpty else {
                Issue.record("ifbench-differences.jsonl line \(n + 1): needs key, index, id, mode, reference and a reason")
                continue
            }
            out.insert(Difference(key: key, index: index, id: id, mode: mode, reference: reference))
        }
        return out
    }
}
