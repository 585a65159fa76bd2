import Foundation
import M2RLCore
import M2RLSandbox
import Testing
@testable import M2RLVerify

enum VerifyFixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let catalog = ProfileCatalog(searchPaths: [root + "/sandbox-profiles"])
    static let sandbox: Sandbox = try! Sandbox()
    static let registry = VerifierRegistry.standard(sandbox: sandbox, catalog: catalog)
    /// The same verifiers with a fresh interpreter per Python test.
    static let freshRegistry = VerifierRegistry.standard(sandbox: sandbox, catalog: catalog, zygote: false)

    /// A line of testcases/AREA/cases.jsonl: a request with the verdict and reward it must get.
    struct ScoredCase: Decodable, Sendable {
        struct Expect: Decodable, Sendable {
            var verdict: String
            var reward: Double
        }
        var id: String
        var completion: String
        var problem: Problem
        var expect: Expect
    }

    static func scoredCases(_ area: String) -> [ScoredCase] {
        let text = try! String(contentsOfFile: root + "/testcases/\(area)/cases.jsonl", encoding: .utf8)
        return text.split(separator: "\n").map { try! JSONDecoder().decode(ScoredCase.self, from: Data($0.utf8)) }
    }

    static let codeCases = scoredCases("code")
}

/// A line of testcases/instruction/FAMILY.jsonl: one instruction, one response and the verdict
/// the reference checker gives (`{"id", "kwargs", "prompt"?, "response", "follows", "why"}`).
struct InstructionCase: Sendable, CustomTestStringConvertible {
    var line: Int
    var id: String
    var kwargs: [String: JSONValue]
    var prompt: String
    var response: String
    var follows: Bool
    var why: String
    var testDescription: String { "line \(line) \(id)" }

    /// Every non-empty line of testcases/instruction/`file`. A line that cannot be read becomes a
    /// case with id `<unreadable>` and its text in `why` (its check cannot be built, so the test
    /// that runs it fails); so does a missing file, so no suite passes on zero cases.
    static func load(_ file: String) -> [InstructionCase] {
        let path = VerifyFixtures.root + "/testcases/instruction/" + file
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return [InstructionCase(line: 0, id: "<unreadable>", kwargs: [:], prompt: "", response: "", follows: false, why: "cannot read \(path)")]
        }
        var out: [InstructionCase] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let row = try? JSONValue.parse(String(line)), let id = row["id"]?.string,
                  let response = row["response"]?.string, let follows = row["follows"]?.bool else {
                out.append(InstructionCase(line: n + 1, id: "<unreadable>", kwargs: [:], prompt: "", response: "", follows: false, why: String(line.prefix(80))))
                continue
            }
            var kwargs: [String: JSONValue] = [:]
            if case .object(let object)? = row["kwargs"] { kwargs = object }
            out.append(InstructionCase(line: n + 1, id: id, kwargs: kwargs, prompt: row["prompt"]?.string ?? "",
                                       response: response, follows: follows, why: row["why"]?.string ?? ""))
        }
        return out
    }
}
