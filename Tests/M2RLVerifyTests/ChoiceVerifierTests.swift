import Foundation
import Testing
import M2RLCore
@testable import M2RLVerify

@Suite("Science (multiple choice): testcases/science")
struct ChoiceCaseTests {
    struct Case: Decodable, Sendable {
        struct Expect: Decodable, Sendable {
            var verdict: String
            var reward: Double
            var extracted: String?
        }
        var id: String
        var completion: String
        var problem: Problem
        var expect: Expect
    }

    static let cases: [Case] = {
        let text = try! String(contentsOfFile: VerifyFixtures.root + "/testcases/science/cases.jsonl", encoding: .utf8)
        return text.split(separator: "\n").map { try! JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }()

    @Test("every preset and response style is covered")
    func coverage() {
        let presets = Set(Self.cases.compactMap { $0.problem.verifier?.preset })
        #expect(presets.isSuperset(of: Set(ChoicePreset.allCases.map(\.rawValue))))
        #expect(Set(Self.cases.map(\.expect.verdict)) == ["correct", "incorrect", "no_answer", "format_error"])
    }

    @Test("extracted letter, verdict and reward", arguments: cases.map(\.id))
    func scored(id: String) throws {
        let c = try #require(Self.cases.first { $0.id == id })
        let v = try VerifierRegistry([ChoiceVerifier()]).verify(c.completion, problem: c.problem)
        #expect(v.verdict == c.expect.verdict, "\(id): \(v.details)")
        #expect(v.reward == c.expect.reward)
        if v.verdict != "format_error" {
            #expect(v.details["extracted"] == (c.expect.extracted.map { JSONValue.string($0) } ?? .null), "\(id): \(v.details)")
        }
    }

    @Test("invalid science problems name the field", arguments: [
        (Problem(id: "p", domain: .science, choices: ["a", "b"]), "needs `answer`"),
        (Problem(id: "p", domain: .science, answer: "D", choices: ["a", "b"]), "beyond the 2 choices"),
        (Problem(id: "p", domain: .science, answer: "Rome", choices: ["a", "b"]), "neither a letter"),
        (Problem(id: "p", domain: .science, answer: "A", verifier: VerifierSpec(preset: "gsm8k")), "not a science preset"),
    ])
    func invalid(problem: Problem, message: String) {
        #expect {
            try VerifierRegistry([ChoiceVerifier()]).verify("Answer: A", problem: problem)
        } throws: { error in
            (error as? VerifyError)?.message.contains(message) == true
        }
    }

    @Test("lm-eval-gpqa names the flexible filter")
    func alias() {
        #expect(ChoicePreset(name: "lm-eval-gpqa") == .lmEvalGPQAFlexible)
        #expect(ChoicePreset(name: "nope") == nil)
    }
}
