import M2RLCore
import M2RLSandbox

/// A code problem's tests and options, validated once: everything `CodeVerifier` needs to run.
/// Option precedence: `problem.verifier` options, then `problem.tests`, then the defaults.
struct CodePlan {
    var kind: CodeTests.Kind
    var language: String
    var extraction: CodeExtraction
    var cases: [TestCase]
    var comparison: OutputComparison
    var reward: CodeReward
    var stopOnFailure: Bool
    var limits: LimitOverrides
    var fnName: String?
    var testCode: String?
    var entryPoint: String?
    var checker: CheckerProgram?

    /// The tolerance for call results when the comparison is `float:TOL`.
    var floatTolerance: Double? {
        if case .float(let tol) = comparison.mode { return tol }
        return nil
    }

    /// Upper bounds on what a problem may ask for.
    static let maxCases = 10_000
    static let maxTimeLimitS = 60.0
    static let maxMemoryMb = 16_384

    /// - Throws: `VerifyError.invalidProblem` naming the field and the allowed values.
    init(problem: Problem) throws {
        guard let tests = problem.tests else { throw VerifyError.invalidProblem("a code problem needs `tests`") }
        let options = problem.verifier?.options ?? [:]
        let kind = tests.kind
        let language = tests.language ?? "python"
        self.kind = kind
        self.language = language

        let extractionName = options["extraction"]?.string ?? CodeExtraction.lastBlock.rawValue
        guard let extraction = CodeExtraction(rawValue: extractionName) else {
            throw VerifyError.invalidProblem(
                "verifier.extraction '\(extractionName)' is unknown; use \(CodeExtraction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.extraction = extraction

        let compareName = tests.compare ?? "tokens"
        guard let comparison = OutputComparison(parsing: compareName) else {
            throw VerifyError.invalidProblem("tests.compare '\(compareName)' is unknown; use \(OutputComparison.spellings)")
        }
        self.comparison = comparison

        let rewardName = options["reward"]?.string ?? tests.reward ?? CodeReward.passAll.rawValue
        guard let reward = CodeReward(rawValue: rewardName) else {
            throw VerifyError.invalidProblem("reward '\(rewardName)' is unknown; use \(CodeReward.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.reward = reward
        stopOnFailure = options["stop_on_failure"]?.bool ?? tests.stopOnFailure ?? (reward == .passAll)

        var limits = LimitOverrides()
        if let t = options["time_limit_s"]?.number ?? tests.timeLimitS {
            guard t > 0 && t <= CodePlan.maxTimeLimitS else {
                throw VerifyError.invalidProblem("time_limit_s must be in (0, \(CodePlan.maxTimeLimitS)]")
            }
            limits.cpu = .milliseconds(Int64(t * 1000))
        }
        if let m = options["memory_limit_mb"]?.int ?? tests.memoryLimitMb {
            guard m >= 8 && m <= CodePlan.maxMemoryMb else {
                throw VerifyError.invalidProblem("memory_limit_mb must be 8...\(CodePlan.maxMemoryMb)")
            }
            limits.memoryBytes = m << 20
        }
        self.limits = limits

        switch kind {
        case .stdio, .checker:
            guard let given = tests.cases, !given.isEmpty else { throw VerifyError.invalidProblem("tests.cases is empty") }
            if let bad = given.firstIndex(where: { $0.output == nil && kind == .stdio }) {
                throw VerifyError.invalidProblem("tests.cases[\(bad)] has no `output`")
            }
            self.cases = given
            if kind == .checker {
                guard let checker = tests.checker else { throw VerifyError.invalidProblem("a checker test needs `tests.checker`") }
                self.checker = checker
            }
        case .call:
            guard language == "python" else { throw VerifyError.invalidProblem("call tests are supported for python only") }
            guard let fn = tests.fnName, !fn.isEmpty else { throw VerifyError.invalidProblem("a call test needs `tests.fn_name`") }
            guard let given = tests.cases, !given.isEmpty else { throw VerifyError.invalidProblem("tests.cases is empty") }
            if let bad = given.firstIndex(where: { $0.expected == nil }) {
                throw VerifyError.invalidProblem("tests.cases[\(bad)] has no `expected`")
            }
            fnName = fn
            self.cases = given
        case .assert:
            guard language == "python" else { throw VerifyError.invalidProblem("assert tests are supported for python only") }
            guard let code = tests.code, !code.isEmpty else { throw VerifyError.invalidProblem("an assert test needs `tests.code`") }
            testCode = code
            entryPoint = tests.entryPoint
            self.cases = [TestCase()]  // one run: the test code is the test
        }
        guard cases.count <= CodePlan.maxCases else {
            throw VerifyError.invalidProblem("\(cases.count) test cases; at most \(CodePlan.maxCases)")
        }

        if let max = options["max_tests"]?.int ?? tests.maxTests {
            guard max >= 1 else { throw VerifyError.invalidProblem("max_tests must be at least 1") }
            let seed = UInt64(truncatingIfNeeded: options["seed"]?.int ?? tests.seed ?? 0)
            cases = CodePlan.sample(cases, count: max, seed: seed)
        }
    }

    /// At most `count` cases, chosen by a seeded partial Fisher–Yates shuffle (SplitMix64) and
    /// kept in their original order: the same seed picks the same cases everywhere.
    static func sample(_ cases: [TestCase], count: Int, seed: UInt64) -> [TestCase] {
        guard cases.count > count else { return cases }
        var rng = SplitMix64(seed: seed)
        var indices = Array(cases.indices)
        for i in 0..<count {
            let j = i + Int(rng.next() % UInt64(indices.count - i))
            indices.swapAt(i, j)
        }
        return indices[0..<count].sorted().map { cases[$0] }
    }
}
