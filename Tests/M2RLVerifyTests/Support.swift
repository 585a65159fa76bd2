import Foundation
import M2RLCore
import M2RLSandbox
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
