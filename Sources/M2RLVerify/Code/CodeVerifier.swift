import Foundation
import M2RLCore
import M2RLSandbox

/// The verdict of one test.
public enum TestVerdict: String, Sendable, CaseIterable {
    case accepted
    case wrongAnswer = "wrong_answer"
    case timeLimit = "time_limit"
    case memoryLimit = "memory_limit"
    case runtimeError = "runtime_error"
    case outputLimit = "output_limit"
    case compileError = "compile_error"
    case syscallViolation = "syscall_violation"

    /// Severity for the problem's verdict ("the worst test status"), most severe first.
    static let severity: [TestVerdict] = [
        .compileError, .syscallViolation, .memoryLimit, .timeLimit, .outputLimit, .runtimeError, .wrongAnswer,
    ]

    init?(_ status: Status) {
        switch status {
        case .ok: self = .accepted
        case .runtimeError: self = .runtimeError
        case .timeLimit, .wallTimeLimit: self = .timeLimit
        case .memoryLimit: self = .memoryLimit
        case .outputLimit: self = .outputLimit
        case .syscallViolation: self = .syscallViolation
        case .compileError: self = .compileError
        case .sandboxError: return nil
        }
    }
}

/// The reward rule of a code problem (`tests.reward`).
public enum CodeReward: String, Sendable, CaseIterable {
    /// 1 if every test passes, else 0 (default; stops at the first failure).
    case passAll = "pass_all"
    /// The fraction of tests passed.
    case passRate = "pass_rate"
    /// 1.0 × [all pass] + 0.1 × fraction passed, as open-r1 scores.
    case weighted

    func reward(passed: Int, total: Int) -> Double {
        let all = total > 0 && passed == total
        switch self {
        case .passAll: return all ? 1 : 0
        case .passRate: return total == 0 ? 0 : Double(passed) / Double(total)
        case .weighted: return (all ? 1 : 0) + 0.1 * (total == 0 ? 0 : Double(passed) / Double(total))
        }
    }
}

/// Scores code completions by running them against the problem's tests in the sandbox
/// (DESIGN.md, "M2RLVerify/Code"). Thread-safe; compiled C/C++ binaries are cached by source.
///
/// Options (`problem.verifier`): `extraction` (`last_block`, `first_block`, `whole`), and the
/// test options that may also be given in `tests`: `reward`, `max_tests`, `seed`,
/// `stop_on_failure`, `time_limit_s`, `memory_limit_mb`.
public final class CodeVerifier: Verifier, @unchecked Sendable {
    public let domain = Domain.code
    public let options = ["extraction", "reward", "max_tests", "seed", "stop_on_failure", "time_limit_s", "memory_limit_mb"]

    let sandbox: Sandbox
    let catalog: ProfileCatalog
    let isolation: Isolation
    /// Python tests run in zygotes (one per concurrent verification) instead of a fresh
    /// interpreter each; the outcomes are the same (a test in M2RLVerifyTests proves it).
    public let useZygote: Bool
    let cache = CompileCache(capacity: 64)
    private let poolLock = NSLock()
    private var pool: ZygotePool?
    private let profileLock = NSLock()
    private var profiles: [String: Profile] = [:]

    /// Runtime profile per `tests.language`.
    public static let profileNames = ["python": "python3", "c": "c", "cpp": "cpp"]

    /// How much of an input, expected or actual output the details keep.
    static let detailLimit = 200

    public init(sandbox: Sandbox, catalog: ProfileCatalog, isolation: Isolation = .full, useZygote: Bool = true) {
        self.sandbox = sandbox
        self.catalog = catalog
        self.isolation = isolation
        self.useZygote = useZygote
    }

    /// One program run of a test: what to run, with which files, arguments and input.
    struct ProgramRun {
        var source: Job.Source
        var files: [String: [UInt8]] = [:]
        var arguments: [String] = []
        var stdin: [UInt8] = []
    }

    /// Runs one program of a test, in a zygote or a fresh sandbox.
    typealias Executor = (ProgramRun) -> Outcome

    /// Calls `body` with an executor for `profile`: a zygote held for the whole verification
    /// (python with zygotes on), or fresh sandboxed runs.
    func withExecutor<T>(profile: Profile, limits: LimitOverrides, _ body: (Executor) throws -> T) throws -> T {
        let fresh: Executor = { [sandbox, isolation] run in
            var job = Job(profile: profile, source: run.source, arguments: run.arguments, stdin: run.stdin,
                          limits: limits, isolation: isolation)
            job.files = run.files
            return sandbox.run(job)
        }
        guard useZygote, profile.zygote else { return try body(fresh) }
        poolLock.lock()
        if pool == nil { pool = ZygotePool(sandbox: sandbox, profile: profile, isolation: isolation) }
        let pool = self.pool!
        poolLock.unlock()
        do {
            return try pool.with { zygote in
                try body { run in
                    guard case .text(let program) = run.source else { return fresh(run) }
                    return zygote.run(program: program, files: run.files, arguments: run.arguments, stdin: run.stdin,
                                      limits: limits)
                }
            }
        } catch let error as SandboxError {
            throw VerifyError(code: "sandbox_error", "cannot start a Python zygote: \(error)")
        }
    }

    func profile(for language: String) throws -> Profile {
        guard let name = CodeVerifier.profileNames[language] else {
            throw VerifyError.invalidProblem(
                "tests.language '\(language)' is not supported; use one of \(CodeVerifier.profileNames.keys.sorted().joined(separator: ", "))")
        }
        profileLock.lock()
        defer { profileLock.unlock() }
        if let cached = profiles[name] { return cached }
        do {
            let profile = try catalog.load(name)
            profiles[name] = profile
            return profile
        } catch {
            throw VerifyError(code: "sandbox_error", "cannot load sandbox profile '\(name)': \(error)")
        }
    }

    public func verify(_ completion: String, problem: Problem) throws -> Verification {
        let plan = try CodePlan(problem: problem)
        let profile = try profile(for: plan.language)
        guard let program = plan.extraction.extract(from: completion, language: plan.language) else {
            return Verification(reward: 0, verdict: "no_answer", details: [
                "reason": .string("no \(plan.language) program found (extraction: \(plan.extraction.rawValue))"),
            ])
        }

        var source = Job.Source.text(program)
        if profile.compile != nil {
            switch cache.compiled(program, profile: profile, sandbox: sandbox, isolation: isolation) {
            case .success(let binary):
                source = .compiled(binary)
            case .failure(let failure):
                if failure.outcome.status == .sandboxError {
                    throw VerifyError(code: "sandbox_error", failure.outcome.error ?? "compile step failed")
                }
                return Verification(reward: 0, verdict: TestVerdict.compileError.rawValue, details: [
                    "passed": 0, "total": .int(plan.cases.count),
                    "compiler": .string(String(failure.outcome.stderr.prefix(2000))),
                ])
            }
        }

        var passed = 0
        var run = 0
        var worst: TestVerdict?
        var firstFailure: [String: JSONValue]?
        try withExecutor(profile: profile, limits: plan.limits) { execute in
        for (index, testCase) in plan.cases.enumerated() {
            let (verdict, actual, stderr) = try runCase(testCase, plan: plan, source: source, program: program, execute: execute)
            run += 1
            if verdict == .accepted {
                passed += 1
                continue
            }
            if worst == nil || TestVerdict.severity.firstIndex(of: verdict)! < TestVerdict.severity.firstIndex(of: worst!)! {
                worst = verdict
            }
            if firstFailure == nil {
                firstFailure = [
                    "index": .int(index), "verdict": .string(verdict.rawValue),
                    "input": .string(CodeVerifier.clip(testCase.input ?? testCase.args?.jsonText ?? "")),
                    "expected": .string(CodeVerifier.clip(testCase.output ?? testCase.expected?.jsonText ?? "")),
                    "actual": .string(CodeVerifier.clip(actual)),
                    "stderr": .string(CodeVerifier.clip(stderr)),
                ]
            }
            if plan.stopOnFailure { break }
        }
        }
        let total = plan.cases.count
        var details: [String: JSONValue] = [
            "passed": .int(passed), "total": .int(total), "run": .int(run), "language": .string(plan.language),
        ]
        if let firstFailure { details["first_failure"] = .object(firstFailure) }
        let verdict = worst == nil && passed == total ? "correct" : (worst ?? .wrongAnswer).rawValue
        return Verification(reward: plan.reward.reward(passed: passed, total: total), verdict: verdict, details: details)
    }

    /// Runs one test; returns its verdict, the program's output (for details) and stderr.
    func runCase(
        _ testCase: TestCase, plan: CodePlan, source: Job.Source, program: String, execute: Executor
    ) throws -> (TestVerdict, String, String) {
        switch plan.kind {
        case .stdio:
            let outcome = execute(ProgramRun(source: source, stdin: Array((testCase.input ?? "").utf8)))
            guard let verdict = TestVerdict(outcome.status) else { throw sandboxFailure(outcome) }
            if verdict != .accepted { return (verdict, outcome.stdout, outcome.stderr) }
            let ok = plan.comparison.matches(outcome.stdout, expected: testCase.output ?? "")
            return (ok ? .accepted : .wrongAnswer, outcome.stdout, outcome.stderr)

        case .call:
            let nonce = CodeVerifier.nonce()
            let outcome = execute(ProgramRun(
                source: .text(PythonHarness.call), files: [PythonHarness.solutionFile: Array(program.utf8)],
                arguments: [plan.fnName!], stdin: Array("\(nonce)\n\((testCase.args ?? .array([])).jsonText)".utf8)))
            guard let verdict = TestVerdict(outcome.status) else { throw sandboxFailure(outcome) }
            if verdict != .accepted { return (verdict, outcome.stdout, outcome.stderr) }
            guard let result = CodeVerifier.result(in: outcome.stdout, nonce: nonce),
                  let value = try? JSONValue.parse(result) else {
                return (.runtimeError, outcome.stdout, outcome.stderr)
            }
            let ok = CallComparison.equal(value, testCase.expected ?? .null, tolerance: plan.floatTolerance)
            return (ok ? .accepted : .wrongAnswer, value.jsonText, outcome.stderr)

        case .assert:
            let nonce = CodeVerifier.nonce()
            let outcome = execute(ProgramRun(
                source: .text(PythonHarness.assertRunner(entryPoint: plan.entryPoint)),
                files: [PythonHarness.solutionFile: Array(program.utf8), PythonHarness.testFile: Array((plan.testCode ?? "").utf8)],
                stdin: Array("\(nonce)\n".utf8)))
            guard let verdict = TestVerdict(outcome.status) else { throw sandboxFailure(outcome) }
            if verdict != .accepted { return (verdict, outcome.stdout, outcome.stderr) }
            let finished = CodeVerifier.result(in: outcome.stdout, nonce: nonce) != nil
            return (finished ? .accepted : .runtimeError, outcome.stdout, outcome.stderr)

        case .checker:
            let outcome = execute(ProgramRun(source: source, stdin: Array((testCase.input ?? "").utf8)))
            guard let verdict = TestVerdict(outcome.status) else { throw sandboxFailure(outcome) }
            if verdict != .accepted { return (verdict, outcome.stdout, outcome.stderr) }
            let ok = try runChecker(plan.checker!, input: testCase.input ?? "", output: outcome.stdout,
                                    answer: testCase.output ?? "")
            return (ok ? .accepted : .wrongAnswer, outcome.stdout, outcome.stderr)
        }
    }

    /// Runs the checker as `checker input.txt output.txt answer.txt` in the sandbox: exit 0
    /// accepts, 1 or 2 reject (testlib's wrong answer and presentation error); anything else is
    /// the checker's own failure.
    func runChecker(_ checker: CheckerProgram, input: String, output: String, answer: String) throws -> Bool {
        let profile = try profile(for: checker.language)
        var source = Job.Source.text(checker.source)
        if profile.compile != nil {
            switch cache.compiled(checker.source, profile: profile, sandbox: sandbox, isolation: isolation) {
            case .success(let binary): source = .compiled(binary)
            case .failure(let failure):
                throw VerifyError(code: "checker_failed", "the checker does not compile: \(failure.outcome.stderr.prefix(500))")
            }
        }
        var job = Job(profile: profile, source: source, arguments: ["input.txt", "output.txt", "answer.txt"],
                      isolation: isolation)
        job.files = ["input.txt": Array(input.utf8), "output.txt": Array(output.utf8), "answer.txt": Array(answer.utf8)]
        let outcome = sandbox.run(job)
        if outcome.status == .ok { return true }
        if outcome.status == .runtimeError, let code = outcome.exitCode, code == 1 || code == 2 { return false }
        throw VerifyError(code: "checker_failed",
                          "the checker ended with \(outcome.status.rawValue) (exit \(outcome.exitCode.map(String.init) ?? "none")): \(outcome.stderr.prefix(500))")
    }

    private func sandboxFailure(_ outcome: Outcome) -> VerifyError {
        VerifyError(code: "sandbox_error", outcome.error ?? "the sandbox failed")
    }

    static func nonce() -> String {
        String(UInt64.random(in: 1...UInt64.max), radix: 36) + String(UInt64.random(in: 1...UInt64.max), radix: 36)
    }

    /// The text after `prefix NONCE` on the harness's last result line, or nil if it is missing.
    static func result(in stdout: String, nonce: String) -> String? {
        let marker = PythonHarness.resultPrefix + nonce
        guard let range = stdout.range(of: marker, options: .backwards) else { return nil }
        var rest = stdout[range.upperBound...]
        if rest.first == " " { rest = rest.dropFirst() }
        guard let end = rest.firstIndex(of: "\n"), rest[rest.index(after: end)...].isEmpty else { return nil }
        return String(rest[..<end])
    }

    static func clip(_ text: String) -> String {
        text.count <= detailLimit ? text : String(text.prefix(detailLimit)) + "…"
    }
}

/// Equality of call results: JSON values, lists and tuples alike, numbers by value (and by
/// tolerance when the problem's comparison is `float:TOL`), objects by keys.
enum CallComparison {
    static func equal(_ a: JSONValue, _ b: JSONValue, tolerance: Double?) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, tolerance: tolerance) }
        case (.object(let x), .object(let y)):
            return x.keys.sorted() == y.keys.sorted() && x.allSatisfy { equal($0.value, y[$0.key]!, tolerance: tolerance) }
        case (.bool(let x), .bool(let y)):
            return x == y
        case (.int(let x), .int(let y)):
            return x == y
        case (.int, .double), (.double, .int), (.double, .double):
            let x = a.number!, y = b.number!
            if let tolerance { return abs(x - y) <= tolerance || abs(x - y) <= tolerance * abs(y) }
            return x == y
        default:
            return a == b
        }
    }
}

/// Compiled binaries by (profile, source), so a completion is compiled once for all its tests
/// (and a checker once for all completions). Least recently used entries are dropped.
final class CompileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: CompiledProgram] = [:]
    private var order: [String] = []
    private var compiles = 0
    let capacity: Int

    /// How many times the compiler has run (hits do not count; failed compilations do).
    var compilations: Int { lock.lock(); defer { lock.unlock() }; return compiles }

    init(capacity: Int) {
        self.capacity = capacity
    }

    func compiled(_ source: String, profile: Profile, sandbox: Sandbox, isolation: Isolation) -> Result<CompiledProgram, OutcomeFailure> {
        let key = profile.name + "\u{0}" + source
        lock.lock()
        if let hit = entries[key] {
            order.removeAll { $0 == key }
            order.append(key)
            lock.unlock()
            return .success(hit)
        }
        compiles += 1
        lock.unlock()
        let result = sandbox.compile(Job(profile: profile, source: .text(source), isolation: isolation))
        if case .success(let program) = result {
            lock.lock()
            entries[key] = program
            order.append(key)
            while order.count > capacity { entries.removeValue(forKey: order.removeFirst()) }
            lock.unlock()
        }
        return result
    }
}
