/// The four domains of the study.
public enum Domain: String, Codable, Sendable, CaseIterable {
    case math, code, science, instruction
}

/// One problem, in the canonical form every dataset adapter produces (DESIGN.md, "Problem").
/// Only the fields its domain needs are present.
public struct Problem: Codable, Sendable, Hashable {
    public var id: String
    public var domain: Domain
    public var prompt: String?
    /// math: the gold answer; science: the correct letter (or option text).
    public var answer: String?
    /// science: the options, in letter order.
    public var choices: [String]?
    /// code: the tests the program must pass.
    public var tests: CodeTests?
    /// instruction: the verifiable instructions, as IFEval/IFBench data spell them.
    public var instructions: [Instruction]?
    /// Picks a preset or options; otherwise the domain's default applies.
    public var verifier: VerifierSpec?

    public init(
        id: String, domain: Domain, prompt: String? = nil, answer: String? = nil, choices: [String]? = nil,
        tests: CodeTests? = nil, instructions: [Instruction]? = nil, verifier: VerifierSpec? = nil
    ) {
        self.id = id
        self.domain = domain
        self.prompt = prompt
        self.answer = answer
        self.choices = choices
        self.tests = tests
        self.instructions = instructions
        self.verifier = verifier
    }
}

/// One verifiable instruction: an id such as `length_constraints:number_words` and its kwargs.
public struct Instruction: Codable, Sendable, Hashable {
    public var id: String
    public var kwargs: [String: JSONValue]?

    public init(id: String, kwargs: [String: JSONValue]? = nil) {
        self.id = id
        self.kwargs = kwargs
    }
}

/// `verifier`: `{"preset": "...", ...options}`. Options are read by the domain's verifier,
/// which rejects unknown ones by name.
public struct VerifierSpec: Codable, Sendable, Hashable {
    public var preset: String?
    public var options: [String: JSONValue]

    public init(preset: String? = nil, options: [String: JSONValue] = [:]) {
        self.preset = preset
        self.options = options
    }

    public init(from decoder: Decoder) throws {
        var all = try [String: JSONValue](from: decoder)
        preset = all.removeValue(forKey: "preset")?.string
        options = all
    }

    public func encode(to encoder: Encoder) throws {
        var all = options
        if let preset { all["preset"] = .string(preset) }
        try all.encode(to: encoder)
    }
}

/// The tests of a code problem (DESIGN.md): one of four kinds, with the language, comparison,
/// limits and reward options common to all.
public struct CodeTests: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Input on stdin, output compared with `compare`.
        case stdio
        /// A function (or a method of `Solution`) called with JSON arguments.
        case call
        /// Test code (`check(candidate)` or plain asserts) run after the program.
        case assert
        /// A special judge program decides from input, output and expected answer.
        case checker
    }

    public var kind: Kind
    /// `python` (default), `c`, `cpp`.
    public var language: String?
    public var cases: [TestCase]?
    public var fnName: String?
    /// stdio comparison: `tokens` (default), `exact`, `lines`, `float:TOL`, `tokens+icase`, ...
    public var compare: String?
    public var timeLimitS: Double?
    public var memoryLimitMb: Int?
    /// assert: the test code, and the function `check` is called with.
    public var code: String?
    public var entryPoint: String?
    /// checker: the judge program.
    public var checker: CheckerProgram?
    /// `pass_all` (default), `pass_rate`, `weighted`.
    public var reward: String?
    /// At most this many cases, sampled with `seed`.
    public var maxTests: Int?
    public var seed: Int?
    /// Stop at the first failing case (default: true for pass_all, false otherwise).
    public var stopOnFailure: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, language, cases, compare, code, checker, reward, seed
        case fnName = "fn_name"
        case timeLimitS = "time_limit_s"
        case memoryLimitMb = "memory_limit_mb"
        case entryPoint = "entry_point"
        case maxTests = "max_tests"
        case stopOnFailure = "stop_on_failure"
    }

    public init(
        kind: Kind, language: String? = nil, cases: [TestCase]? = nil, fnName: String? = nil, compare: String? = nil,
        timeLimitS: Double? = nil, memoryLimitMb: Int? = nil, code: String? = nil, entryPoint: String? = nil,
        checker: CheckerProgram? = nil, reward: String? = nil, maxTests: Int? = nil, seed: Int? = nil,
        stopOnFailure: Bool? = nil
    ) {
        self.kind = kind
        self.language = language
        self.cases = cases
        self.fnName = fnName
        self.compare = compare
        self.timeLimitS = timeLimitS
        self.memoryLimitMb = memoryLimitMb
        self.code = code
        self.entryPoint = entryPoint
        self.checker = checker
        self.reward = reward
        self.maxTests = maxTests
        self.seed = seed
        self.stopOnFailure = stopOnFailure
    }
}

/// One test case: `input`/`output` (stdio, checker) or `args`/`expected` (call).
public struct TestCase: Codable, Sendable, Hashable {
    public var input: String?
    public var output: String?
    public var args: JSONValue?
    public var expected: JSONValue?

    public init(input: String? = nil, output: String? = nil, args: JSONValue? = nil, expected: JSONValue? = nil) {
        self.input = input
        self.output = output
        self.args = args
        self.expected = expected
    }

    enum CodingKeys: String, CodingKey { case input, output, args, expected }

    /// `"expected": null` is a value (the function must return None), unlike a missing key.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        input = try c.decodeIfPresent(String.self, forKey: .input)
        output = try c.decodeIfPresent(String.self, forKey: .output)
        args = c.contains(.args) ? try c.decode(JSONValue.self, forKey: .args) : nil
        expected = c.contains(.expected) ? try c.decode(JSONValue.self, forKey: .expected) : nil
    }
}

/// A checker (special judge): its language and source.
public struct CheckerProgram: Codable, Sendable, Hashable {
    public var language: String
    public var source: String

    public init(language: String, source: String) {
        self.language = language
        self.source = source
    }
}

/// Choice letters of multiple-choice problems: A is option 0, up to J (10 options).
public enum ChoiceLetter {
    /// The letter of option `index` (0 → "A").
    public static func letter(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index))) }

    /// The option index of a letter A–J (either case), or nil.
    public static func index(of letter: String) -> Int? {
        guard letter.unicodeScalars.count == 1, let v = letter.uppercased().unicodeScalars.first?.value, (65...74).contains(v) else { return nil }
        return Int(v) - 65
    }
}
