import Foundation
import Testing
import M2RLCore
@testable import M2RLVerify

@Suite("Code verifier: testcases/code")
struct CodeCaseTests {
    @Test("the case file covers every test kind, verdict and comparison mode")
    func coverage() {
        let cases = VerifyFixtures.codeCases
        #expect(cases.count >= 60)
        let kinds = Set(cases.compactMap { $0.problem.tests?.kind })
        #expect(kinds == Set(CodeTests.Kind.allCases))
        let verdicts = Set(cases.map(\.expect.verdict))
        for verdict in TestVerdict.allCases where verdict != .accepted {
            #expect(verdicts.contains(verdict.rawValue), "no case expects \(verdict.rawValue)")
        }
        for verdict in ["correct", "no_answer", "format_error"] { #expect(verdicts.contains(verdict)) }
        let compares = Set(cases.compactMap { $0.problem.tests?.compare?.split(separator: ":").first.map(String.init) })
        #expect(compares.isSuperset(of: ["exact", "lines", "float", "tokens+icase"]))
    }

    @Test("verdict and reward", arguments: VerifyFixtures.codeCases.map(\.id))
    func verdictAndReward(id: String) throws {
        let c = try #require(VerifyFixtures.codeCases.first { $0.id == id })
        let v = try VerifyFixtures.registry.verify(c.completion, problem: c.problem)
        #expect(v.verdict == c.expect.verdict, "\(id): \(v.details)")
        #expect(abs(v.reward - c.expect.reward) < 1e-9, "\(id): reward \(v.reward)")
    }

    @Test("the zygote and a fresh interpreter per test agree", arguments: VerifyFixtures.codeCases.map(\.id))
    func zygoteAgrees(id: String) throws {
        let c = try #require(VerifyFixtures.codeCases.first { $0.id == id })
        let forked = try VerifyFixtures.registry.verify(c.completion, problem: c.problem)
        let fresh = try VerifyFixtures.freshRegistry.verify(c.completion, problem: c.problem)
        #expect(forked.verdict == fresh.verdict, "\(id): zygote \(forked.details) fresh \(fresh.details)")
        #expect(forked.reward == fresh.reward)
        #expect(forked.details["passed"] == fresh.details["passed"])
    }

    @Test("a compiled completion is compiled once for all its tests, and once for all its verifications")
    func compileOnce() throws {
        let c = try #require(VerifyFixtures.codeCases.first { $0.id == "cpp-correct" })
        #expect((c.problem.tests?.cases?.count ?? 0) > 1)
        let verifier = CodeVerifier(sandbox: VerifyFixtures.sandbox, catalog: VerifyFixtures.catalog)
        #expect(try verifier.verify(c.completion, problem: c.problem).verdict == "correct")
        #expect(verifier.cache.compilations == 1)
        #expect(try verifier.verify(c.completion, problem: c.problem).verdict == "correct")
        #expect(verifier.cache.compilations == 1, "the second verification reuses the binary")
        let other = c.completion.replacingOccurrences(of: "a + b", with: "b + a")
        #expect(other != c.completion)
        #expect(try verifier.verify(other, problem: c.problem).verdict == "correct")
        #expect(verifier.cache.compilations == 2, "another source is compiled")
    }

    @Test("details name the first failing test, clipped")
    func failureDetails() throws {
        let long = String(repeating: "9", count: 1000)
        let problem = Problem(id: "p", domain: .code, tests: CodeTests(kind: .stdio, cases: [
            TestCase(input: "1\n", output: "1\n"), TestCase(input: long + "\n", output: "0\n"),
        ]))
        let v = try VerifyFixtures.registry.verify("```python\nprint(input())\n```", problem: problem)
        #expect(v.verdict == "wrong_answer")
        let failure = try #require(v.details["first_failure"])
        #expect(failure["index"] == .int(1))
        #expect(failure["expected"] == .string("0\n"))
        #expect((failure["input"]?.string?.count ?? 0) <= CodeVerifier.detailLimit + 1)
        #expect(v.details["passed"] == .int(1))
    }
}

@Suite("Code verifier: parts")
struct CodePartsTests {
    @Test func comparisonSpellings() {
        #expect(OutputComparison(parsing: "tokens") == .default)
        #expect(OutputComparison(parsing: "float:1e-6")?.mode == .float(tolerance: 1e-6))
        #expect(OutputComparison(parsing: "lines+icase")?.caseInsensitive == true)
        #expect(OutputComparison(parsing: "float:abc") == nil)
        #expect(OutputComparison(parsing: "fuzzy") == nil)
        #expect(OutputComparison(parsing: "lines+icase")?.description == "lines+icase")
    }

    @Test func comparisonSemantics() {
        let tokens = OutputComparison.default
        #expect(tokens.matches("1  2\n3", expected: "1 2 3\n"))
        #expect(!tokens.matches("1 2", expected: "1 2 3"))
        #expect(!tokens.matches("2 1 3", expected: "1 2 3"))
        let lines = OutputComparison(parsing: "lines")!
        #expect(lines.matches("a  \nb\n\n\n", expected: "a\nb"))
        #expect(!lines.matches("a b", expected: "a\nb"))
        #expect(!lines.matches("\na\nb", expected: "a\nb"), "leading blank lines count")
        let float = OutputComparison(parsing: "float:1e-3")!
        #expect(float.matches("1.0005", expected: "1"))
        #expect(!float.matches("1.01", expected: "1"))
        #expect(float.matches("nan", expected: "nan"), "identical tokens match")
        #expect(!float.matches("inf", expected: "1e308"))
    }

    @Test func extraction() {
        let text = "a\n```py\nx = 1\n```\n```python\ny = 2\n```\n```\nz = 3\n```"
        #expect(CodeExtraction.lastBlock.extract(from: text, language: "python") == "y = 2\n")
        #expect(CodeExtraction.firstBlock.extract(from: text, language: "python") == "x = 1\n")
        #expect(CodeExtraction.lastBlock.extract(from: text, language: "cpp") == "z = 3\n")
        #expect(CodeExtraction.lastBlock.extract(from: "no code", language: "python") == nil)
        #expect(CodeExtraction.whole.extract(from: "  \n", language: "python") == nil)
        #expect(CodeExtraction.lastBlock.extract(from: "````python\nq = '```'\n````", language: "python") == "q = '```'\n",
                "a longer fence closes only with as many backticks")
    }

    @Test("sampling is deterministic, ordered and seed-dependent")
    func sampling() {
        let cases = (0..<100).map { TestCase(input: "\($0)", output: "\($0)") }
        let a = CodePlan.sample(cases, count: 20, seed: 7)
        #expect(a == CodePlan.sample(cases, count: 20, seed: 7))
        #expect(a.count == 20)
        #expect(a.map { Int($0.input!)! } == a.map { Int($0.input!)! }.sorted())
        #expect(a != CodePlan.sample(cases, count: 20, seed: 8))
        #expect(CodePlan.sample(cases, count: 200, seed: 1) == cases)
    }

    @Test("an invalid problem is an error naming the field", arguments: [
        (CodeTests(kind: .stdio, cases: []), "tests.cases is empty"),
        (CodeTests(kind: .stdio, cases: [TestCase(input: "1")]), "has no `output`"),
        (CodeTests(kind: .stdio, cases: [TestCase(input: "1", output: "1")], compare: "fuzzy"), "tests.compare 'fuzzy'"),
        (CodeTests(kind: .call, cases: [TestCase(args: [1], expected: 1)]), "fn_name"),
        (CodeTests(kind: .assert), "tests.code"),
        (CodeTests(kind: .stdio, language: "rust", cases: [TestCase(input: "1", output: "1")]), "language 'rust'"),
        (CodeTests(kind: .stdio, cases: [TestCase(input: "1", output: "1")], reward: "half"), "reward 'half'"),
        (CodeTests(kind: .checker, cases: [TestCase(input: "1", output: "1")]), "tests.checker"),
    ])
    func invalidProblem(tests: CodeTests, message: String) {
        let problem = Problem(id: "p", domain: .code, tests: tests)
        #expect {
            try VerifyFixtures.registry.verify("```python\nprint(1)\n```", problem: problem)
        } throws: { error in
            guard let error = error as? VerifyError else { return false }
            return error.code == "invalid_problem" && error.message.contains(message)
        }
    }

    @Test("an unknown verifier option is refused by name")
    func unknownOption() {
        let problem = Problem(id: "p", domain: .code, tests: CodeTests(kind: .stdio, cases: [TestCase(input: "", output: "1")]),
                              verifier: VerifierSpec(options: ["extractoin": "whole"]))
        #expect(throws: VerifyError.self) { try VerifyFixtures.registry.verify("x", problem: problem) }
    }
}
