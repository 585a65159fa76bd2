import Foundation
import M2RLCore

/// Why a record could not become a Problem: a code for counting and a message naming the field.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String = "unconvertible", _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// The dataset row layouts m2rl turns into canonical Problems. Declared as data: each format has
/// the key columns that identify it (auto-detection takes the first format, in declaration
/// order, whose key columns are all present) and one conversion function.
public enum DatasetFormat: String, CaseIterable, Sendable {
    /// The canonical Problem of DESIGN.md, as `m2rl dataset convert` writes it.
    case canonical
    /// verl's RL rows: `data_source`, `prompt` (chat messages), `ability`,
    /// `reward_model.ground_truth`, `extra_info`.
    case verl
    /// slime's rows: `prompt`, `label`, `metadata`, `rm_type` (or `metadata.rm_type`).
    case slime
    /// GSM8K: `question`, `answer` ending in `#### N`.
    case gsm8k
    /// MATH-style rows: `problem` and `answer`, or `solution` with a final `\boxed{}`.
    case math
    /// HumanEval: `task_id`, `prompt`, `canonical_solution`, `test`, `entry_point`.
    case humaneval
    /// MBPP: `task_id`, `text`/`prompt`, `code`, `test_list`, `test_setup_code`.
    case mbpp
    /// optional `fn_name`), `starter_code`.
    case apps
    /// base64 of zlib of a pickled JSON string), `metadata` (`func_name`).
    case livecodebench
    /// (`{"input": [...], "output": [...]}`), `time_limit`, `memory_limit_bytes`.
    case codecontests
    /// GPQA: `Question`, `Correct Answer`, `Incorrect Answer 1..3`.
    case gpqa
    /// MMLU (`question`, `choices`, `answer` index) and MMLU-Pro (`options`, `answer` letter).
    case mmlu
    /// IFEval / IFBench: `key`, `prompt`, `instruction_id_list`, `kwargs`.
    case ifeval

    /// Other names accepted by `--format`.
    public static let aliases: [String: DatasetFormat] = [
        "taco": .apps, "ifbench": .ifeval, "mmlu-pro": .mmlu, "mmlu_pro": .mmlu, "dapo": .math,
        "lcb": .livecodebench, "code_contests": .codecontests, "m2rl": .canonical,
    ]

    public init?(name: String) {
        if let format = DatasetFormat(rawValue: name.lowercased()) { self = format; return }
        guard let alias = DatasetFormat.aliases[name.lowercased()] else { return nil }
        self = alias
    }

    /// Columns that must all be present for auto-detection (alternatives separated by `|`).
    public var keyColumns: [String] {
        switch self {
        case .canonical: ["id", "domain"]
        case .verl: ["data_source", "reward_model"]
        case .slime: ["label", "rm_type|metadata"]
        case .ifeval: ["instruction_id_list", "kwargs"]
        case .humaneval: ["task_id", "entry_point", "test"]
        case .mbpp: ["task_id", "test_list"]
        case .livecodebench: ["question_content", "public_test_cases"]
        case .codecontests: ["public_tests"]
        case .apps: ["input_output"]
        case .gsm8k: ["question", "answer"]
        case .math: ["problem", "solution|answer"]
        case .gpqa: ["Correct Answer", "Incorrect Answer 1"]
        case .mmlu: ["question", "choices|options", "answer"]
        }
    }

    /// `keyColumns` split into alternatives once: detection runs for every record.
    private static let alternatives: [DatasetFormat: [[String]]] = Dictionary(uniqueKeysWithValues: allCases.map { format in
        (format, format.keyColumns.map { $0.split(separator: "|").map(String.init) })
    })

    func matches(_ fields: [String: JSONValue]) -> Bool {
        DatasetFormat.alternatives[self]!.allSatisfy { names in names.contains { fields[$0] != nil } }
            && (self != .gsm8k || (fields["answer"]?.string?.contains("####") ?? false))
    }

    /// The format of a record under `auto`: the first whose key columns are present.
    public static func detect(_ fields: [String: JSONValue]) -> DatasetFormat? {
        allCases.first { $0.matches(fields) }
    }

    /// Converts one record. `fallbackID` names records whose format has no id column.
    /// - Throws: `ConversionError` naming the missing or malformed field.
    public func convert(_ fields: [String: JSONValue], fallbackID makeFallbackID: @autoclosure () -> String) throws -> Problem {
        if self == .canonical {
            do { return try Problem(json: fields) } catch {
                throw ConversionError("not a canonical Problem: \(describeDecodingError(error))")
            }
        }
        let fallbackID = makeFallbackID()
        var row = Row(fields: fields, format: self)
        switch self {
        case .canonical: fatalError("handled above")
        case .verl: return try Adapters.verl(&row, fallbackID: fallbackID)
        case .slime: return try Adapters.slime(&row, fallbackID: fallbackID)
        case .ifeval: return try Adapters.ifeval(&row, fallbackID: fallbackID)
        case .humaneval: return try Adapters.humaneval(&row)
        case .mbpp: return try Adapters.mbpp(&row)
        case .livecodebench: return try Adapters.livecodebench(&row, fallbackID: fallbackID)
        case .codecontests: return try Adapters.codecontests(&row, fallbackID: fallbackID)
        case .apps: return try Adapters.apps(&row, fallbackID: fallbackID)
        case .gsm8k: return try Adapters.gsm8k(&row, fallbackID: fallbackID)
        case .math: return try Adapters.math(&row, fallbackID: fallbackID)
        case .gpqa: return try Adapters.gpqa(&row, fallbackID: fallbackID)
        case .mmlu: return try Adapters.mmlu(&row, fallbackID: fallbackID)
        }
    }
}

/// Field access with errors that name the format and the field.
struct Row {
    let fields: [String: JSONValue]
    let format: DatasetFormat

    func missing(_ name: String, _ what: String) -> ConversionError {
        ConversionError("\(format.rawValue): \(fields[name] == nil ? "missing" : "invalid") field `\(name)` (\(what))")
    }

    /// A text field (numbers and booleans are written as text).
    func text(_ name: String) throws -> String {
        guard let value = optionalText(name) else { throw missing(name, "a string") }
        return value
    }

    func optionalText(_ name: String) -> String? {
        switch fields[name] {
        case .string(let s)?: s
        case .int(let i)?: String(i)
        case .double(let d)?: d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b)?: String(b)
        default: nil
        }
    }

    func array(_ name: String) throws -> [JSONValue] {
        guard let value = fields[name]?.array else { throw missing(name, "a list") }
        return value
    }

    /// A field that is a JSON object, or a string holding one (datasets store both).
    func object(_ name: String) throws -> [String: JSONValue] {
        switch fields[name] {
        case .object(let o)?: return o
        case .string(let s)?:
            guard case .object(let o)? = try? JSONValue.parse(s) else { throw missing(name, "a JSON object or a string holding one") }
            return o
        default: throw missing(name, "a JSON object")
        }
    }

    /// A field that is a JSON value, or a string holding one.
    func embedded(_ name: String) throws -> JSONValue {
        switch fields[name] {
        case .string(let s)?:
            guard let value = try? JSONValue.parse(s) else { throw missing(name, "a string holding JSON") }
            return value
        case let value?: return value
        case nil: throw missing(name, "JSON")
        }
    }
}

/// The conversions, one per format.
enum Adapters {
    // MARK: - RL framework rows

    static func verl(_ row: inout Row, fallbackID: String) throws -> Problem {
        let source = row.optionalText("data_source") ?? ""
        let ability = row.optionalText("ability") ?? ""
        let reward = try row.object("reward_model")
        let extra = (try? row.object("extra_info")) ?? [:]
        let prompt = try chatPrompt(row.fields["prompt"], format: "verl")
        let index = extra["index"].flatMap { Row(fields: ["i": $0], format: .verl).optionalText("i") }
        let id = index.map { "\(source.isEmpty ? "verl" : source)-\($0)" } ?? fallbackID
        guard let domain = domain(source: source, hint: ability) else {
            throw ConversionError("verl: cannot tell the domain from data_source '\(source)' and ability '\(ability)'; convert with a domain-specific --format")
        }
        let truth = reward["ground_truth"]
        switch domain {
        case .math, .science:
            guard let answer = truth.flatMap({ Row(fields: ["g": $0], format: .verl).optionalText("g") }) else {
                throw ConversionError("verl: missing field `reward_model.ground_truth` (the answer)")
            }
            return Problem(id: id, domain: domain, prompt: prompt, answer: answer)
        case .code:
            guard let truth else { throw ConversionError("verl: missing field `reward_model.ground_truth` (the tests)") }
            let tests = try ioTests(truth, field: "reward_model.ground_truth", format: "verl")
            return Problem(id: id, domain: .code, prompt: prompt, tests: tests)
        case .instruction:
            let spec: [String: JSONValue]
            if let truth, let object = (try? Row(fields: ["g": truth], format: .verl).object("g")), object["instruction_id_list"] != nil {
                spec = object
            } else {
                spec = extra
            }
            return Problem(id: id, domain: .instruction, prompt: prompt, instructions: try instructions(spec, format: "verl"))
        }
    }

    static func slime(_ row: inout Row, fallbackID: String) throws -> Problem {
        let metadata = (try? row.object("metadata")) ?? [:]
        // slime reads the reward type from the row or, in its eval files, from `metadata`.
        let kind = row.optionalText("rm_type") ?? metadata["rm_type"]?.string ?? ""
        let prompt = try chatPrompt(row.fields["prompt"], format: "slime")
        let id = metadata["id"].flatMap { Row(fields: ["i": $0], format: .slime).optionalText("i") } ?? fallbackID
        guard let domain = domain(source: kind, hint: metadata["domain"]?.string ?? "") else {
            throw ConversionError("slime: cannot tell the domain from rm_type '\(kind)'")
        }
        switch domain {
        case .math, .science:
            return Problem(id: id, domain: domain, prompt: prompt, answer: try row.text("label"))
        case .code:
            return Problem(id: id, domain: .code, prompt: prompt, tests: try ioTests(try row.embedded("label"), field: "label", format: "slime"))
        case .instruction:
            return Problem(id: id, domain: .instruction, prompt: prompt, instructions: try instructions(metadata, format: "slime"))
        }
    }

    /// The domain named by a data source or reward type (`math_dapo`, `codecontests`,
    /// `gpqa_diamond`, `ifeval`, ...), else by the `ability` hint.
    static func domain(source: String, hint: String) -> Domain? {
        let s = source.lowercased()
        let table: [(Domain, [String])] = [
            (.instruction, ["ifeval", "ifbench", "instruction", "if_"]),
            (.code, ["code", "apps", "taco", "livecodebench", "lcb", "leetcode", "humaneval", "mbpp", "primeintellect", "codeforces"]),
            (.science, ["gpqa", "mmlu", "science", "arc", "sciq", "supergpqa"]),
            (.math, ["math", "gsm8k", "aime", "amc", "dapo", "deepscaler", "numina", "olympiad", "omni", "deepmath"]),
        ]
        for (domain, keys) in table where keys.contains(where: { s.contains($0) }) { return domain }
        switch hint.lowercased() {
        case "math": return .math
        case "code", "coding": return .code
        case "science", "stem": return .science
        case "instruction", "instruction_following", "if": return .instruction
        default: return nil
        }
    }

    /// A prompt given as text or as chat messages (the last user message's content).
    static func chatPrompt(_ value: JSONValue?, format: String) throws -> String {
        switch value {
        case .string(let s)?: return s
        case .array(let messages)?:
            let user = messages.last { $0["role"]?.string == "user" } ?? messages.last
            guard let content = user?["content"]?.string else {
                throw ConversionError("\(format): field `prompt` has no message with string `content`")
            }
            return content
        default: throw ConversionError("\(format): missing field `prompt` (text or chat messages)")
        }
    }

    /// Tests given as `{"inputs": [...], "outputs": [...], "fn_name"?}` (APPS, TACO, verl, slime).
    static func ioTests(_ value: JSONValue, field: String, format: String) throws -> CodeTests {
        var value = value
        if case .string(let s) = value, let parsed = try? JSONValue.parse(s) { value = parsed }
        guard case .object(let spec) = value, let inputs = spec["inputs"]?.array, let outputs = spec["outputs"]?.array else {
            throw ConversionError("\(format): field `\(field)` must hold {\"inputs\": [...], \"outputs\": [...]}")
        }
        guard inputs.count == outputs.count, !inputs.isEmpty else {
            throw ConversionError("\(format): field `\(field)` has \(inputs.count) inputs and \(outputs.count) outputs")
        }
        if let fn = spec["fn_name"]?.string, !fn.isEmpty {
            let cases = zip(inputs, outputs).map { input, output -> TestCase in
                // APPS call tests list the arguments, and the result in a one-element list.
                var expected = output
                if case .array(let items) = output, items.count == 1 { expected = items[0] }
                return TestCase(args: input.array.map { .array($0) } ?? .array([input]), expected: expected)
            }
            return CodeTests(kind: .call, language: "python", cases: cases, fnName: fn)
        }
        let cases = try zip(inputs, outputs).map { input, output in
            TestCase(input: try ioText(input, field: field, format: format), output: try ioText(output, field: field, format: format))
        }
        return CodeTests(kind: .stdio, language: "python", cases: cases)
    }

    /// A stdin/stdout text: a string, or a list of lines (TACO).
    static func ioText(_ value: JSONValue, field: String, format: String) throws -> String {
        switch value {
        case .string(let s): return s
        case .array(let lines):
            let parts = lines.compactMap(\.string)
            guard parts.count == lines.count else { throw ConversionError("\(format): `\(field)` holds a list that is not all text") }
            return parts.joined(separator: "\n") + "\n"
        case .int(let i): return String(i)
        default: throw ConversionError("\(format): `\(field)` holds a test that is not text")
        }
    }

    static func instructions(_ spec: [String: JSONValue], format: String) throws -> [Instruction] {
        guard let ids = spec["instruction_id_list"]?.array else {
            throw ConversionError("\(format): missing field `instruction_id_list`")
        }
        let kwargs: [JSONValue]
        switch spec["kwargs"] {
        case nil: kwargs = []
        case .array(let list)?: kwargs = list
        default: throw ConversionError("\(format): field `kwargs` must be a list (one object per instruction)")
        }
        guard kwargs.isEmpty || kwargs.count == ids.count else {
            throw ConversionError("\(format): `instruction_id_list` has \(ids.count) ids but `kwargs` has \(kwargs.count) entries")
        }
        return try ids.enumerated().map { k, id in
            guard let name = id.string else { throw ConversionError("\(format): `instruction_id_list[\(k)]` is not a string") }
            var arguments: [String: JSONValue]?
            if k < kwargs.count, case .object(let raw) = kwargs[k] {
                // IFEval stores every possible kwarg with null for the unused ones.
                arguments = raw.filter { if case .null = $0.value { return false } else { return true } }
            }
            return Instruction(id: name, kwargs: arguments?.isEmpty == true ? nil : arguments)
        }
    }

    // MARK: - Instruction following

    static func ifeval(_ row: inout Row, fallbackID: String) throws -> Problem {
        let id = row.optionalText("key") ?? row.optionalText("id") ?? fallbackID
        return Problem(id: id, domain: .instruction, prompt: try row.text("prompt"), instructions: try instructions(row.fields, format: "ifeval"))
    }

    // MARK: - Code

    static func humaneval(_ row: inout Row) throws -> Problem {
        let tests = CodeTests(kind: .assert, language: "python", code: try row.text("test"), entryPoint: try row.text("entry_point"))
        return Problem(id: try row.text("task_id"), domain: .code, prompt: try row.text("prompt"), tests: tests)
    }

    static func mbpp(_ row: inout Row) throws -> Problem {
        let asserts = try row.array("test_list").map { item -> String in
            guard let s = item.string else { throw row.missing("test_list", "a list of assert statements") }
            return s
        }
        guard !asserts.isEmpty else { throw row.missing("test_list", "at least one assert") }
        let setup = row.optionalText("test_setup_code") ?? ""
        let code = (setup.isEmpty ? "" : setup + "\n") + asserts.joined(separator: "\n") + "\n"
        let prompt = row.optionalText("text") ?? row.optionalText("prompt")
        let id = "mbpp-" + (try row.text("task_id"))
        return Problem(id: id, domain: .code, prompt: prompt, tests: CodeTests(kind: .assert, language: "python", code: code))
    }

    static func apps(_ row: inout Row, fallbackID: String) throws -> Problem {
        let id = row.optionalText("problem_id").map { "apps-\($0)" } ?? row.optionalText("id") ?? fallbackID
        let tests = try ioTests(try row.embedded("input_output"), field: "input_output", format: "apps")
        return Problem(id: id, domain: .code, prompt: try row.text("question"), tests: tests)
    }

    static func codecontests(_ row: inout Row, fallbackID: String) throws -> Problem {
        var cases: [TestCase] = []
        for field in ["public_tests", "private_tests", "generated_tests"] {
            guard let set = row.fields[field] else { continue }
            guard case .object(let io) = set, let inputs = io["input"]?.array, let outputs = io["output"]?.array, inputs.count == outputs.count else {
                throw row.missing(field, "{\"input\": [...], \"output\": [...]} of equal length")
            }
            for (input, output) in zip(inputs, outputs) {
                guard let i = input.string, let o = output.string else { throw row.missing(field, "text inputs and outputs") }
                cases.append(TestCase(input: i, output: o))
            }
        }
        guard !cases.isEmpty else { throw row.missing("public_tests", "at least one test") }
        var tests = CodeTests(kind: .stdio, language: "python", cases: cases)
        if case .object(let limit)? = row.fields["time_limit"], let seconds = limit["seconds"]?.number {
            let total = seconds + (limit["nanos"]?.number ?? 0) / 1e9
            if total > 0 { tests.timeLimitS = total }
        }
        if let bytes = row.fields["memory_limit_bytes"]?.number, bytes > 0 { tests.memoryLimitMb = Int(bytes / 1_048_576) }
        let id = row.optionalText("name") ?? fallbackID
        return Problem(id: id, domain: .code, prompt: try row.text("description"), tests: tests)
    }

    static func livecodebench(_ row: inout Row, fallbackID: String) throws -> Problem {
        let id = row.optionalText("question_id").map { "lcb-\($0)" } ?? fallbackID
        let metadata = (try? row.object("metadata")) ?? [:]
        let functionName = metadata["func_name"]?.string
        var items = try lcbCases(row.fields["public_test_cases"], field: "public_test_cases")
        if let hidden = row.fields["private_test_cases"] { items += try lcbCases(hidden, field: "private_test_cases") }
        guard !items.isEmpty else { throw row.missing("public_test_cases", "at least one test") }
        let functional = items.contains { $0["testtype"]?.string == "functional" }
        if functional {
            guard let functionName else { throw ConversionError("livecodebench: functional tests need `metadata.func_name`") }
            let cases = try items.map { item -> TestCase in
                guard let input = item["input"]?.string, let output = item["output"]?.string else {
                    throw ConversionError("livecodebench: a functional test without text `input`/`output`")
                }
                // One JSON value per line: the arguments, in order.
                let args = try input.split(separator: "\n", omittingEmptySubsequences: true).map { line -> JSONValue in
                    guard let value = try? JSONValue.parse(String(line)) else {
                        throw ConversionError("livecodebench: argument line is not JSON: \(line.prefix(60))")
                    }
                    return value
                }
                guard let expected = try? JSONValue.parse(output) else { throw ConversionError("livecodebench: expected output is not JSON: \(output.prefix(60))") }
                return TestCase(args: .array(args), expected: expected)
            }
            return Problem(id: id, domain: .code, prompt: try row.text("question_content"),
                           tests: CodeTests(kind: .call, language: "python", cases: cases, fnName: functionName))
        }
        let cases = try items.map { item -> TestCase in
            guard let input = item["input"]?.string, let output = item["output"]?.string else {
                throw ConversionError("livecodebench: a test without text `input`/`output`")
            }
            return TestCase(input: input, output: output)
        }
        return Problem(id: id, domain: .code, prompt: try row.text("question_content"), tests: CodeTests(kind: .stdio, language: "python", cases: cases))
    }

    /// LiveCodeBench test lists: a JSON string, or (private tests) base64 of zlib of a pickled
    /// JSON string.
    static func lcbCases(_ value: JSONValue?, field: String) throws -> [[String: JSONValue]] {
        guard let value else { return [] }
        var parsed: JSONValue
        switch value {
        case .array: parsed = value
        case .string(let s):
            if let json = try? JSONValue.parse(s) {
                parsed = json
            } else {
                guard let packed = Data(base64Encoded: s, options: .ignoreUnknownCharacters) else {
                    throw ConversionError("livecodebench: `\(field)` is neither JSON nor base64")
                }
                let inflated = try Zlib.inflate(packed, limit: 1 << 30, field: field)
                let text = try Pickle.string(inflated, field: field)
                guard let json = try? JSONValue.parse(text) else { throw ConversionError("livecodebench: `\(field)` unpacks to text that is not JSON") }
                parsed = json
            }
        default:
            throw ConversionError("livecodebench: `\(field)` must be a list of tests")
        }
        guard case .array(let list) = parsed else { throw ConversionError("livecodebench: `\(field)` must be a list of tests") }
        return try list.map { item in
            guard case .object(let o) = item else { throw ConversionError("livecodebench: `\(field)` holds a test that is not an object") }
            return o
        }
    }

    // MARK: - Math

    static func gsm8k(_ row: inout Row, fallbackID: String) throws -> Problem {
        let solution = try row.text("answer")
        guard let marker = solution.range(of: "####", options: .backwards) else { throw row.missing("answer", "a solution ending in #### N") }
        let answer = solution[marker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: ",", with: "")
        guard !answer.isEmpty else { throw row.missing("answer", "a number after ####") }
        return Problem(id: row.optionalText("id") ?? fallbackID, domain: .math, prompt: try row.text("question"), answer: answer)
    }

    static func math(_ row: inout Row, fallbackID: String) throws -> Problem {
        let answer: String
        if let given = row.optionalText("answer"), !given.isEmpty {
            answer = given
        } else {
            let solution = try row.text("solution")
            guard let boxed = LaTeXBox.lastContent(in: solution) else { throw row.missing("solution", "a solution with a final \\boxed{} answer") }
            answer = boxed
        }
        let id = row.optionalText("unique_id") ?? row.optionalText("id") ?? fallbackID
        return Problem(id: id, domain: .math, prompt: try row.text("problem"), answer: answer)
    }

    // MARK: - Science

    /// GPQA: the correct answer and three distractors, shuffled into A–D by a seeded rule: the
    /// seed is the FNV-1a hash of the question text; a SplitMix64 stream drives a Fisher–Yates
    /// shuffle of [correct, incorrect 1, incorrect 2, incorrect 3].
    static func gpqa(_ row: inout Row, fallbackID: String) throws -> Problem {
        let question = try row.text("Question")
        let correct = try row.text("Correct Answer").trimmingCharacters(in: .whitespacesAndNewlines)
        let wrong = try (1...3).map { try row.text("Incorrect Answer \($0)").trimmingCharacters(in: .whitespacesAndNewlines) }
        let order = seededPermutation(count: 4, seed: fnv1a(question))
        let options = [correct] + wrong
        let choices = order.map { options[$0] }
        let letter = ChoiceLetter.letter(order.firstIndex(of: 0)!)
        let id = row.optionalText("Record ID") ?? fallbackID
        return Problem(id: id, domain: .science, prompt: question, answer: letter, choices: choices)
    }

    static func mmlu(_ row: inout Row, fallbackID: String) throws -> Problem {
        let options = try (row.fields["choices"] != nil ? row.array("choices") : row.array("options")).map { item -> String in
            guard let s = Row(fields: ["c": item], format: .mmlu).optionalText("c") else { throw row.missing("choices", "a list of option texts") }
            return s
        }
        guard (2...10).contains(options.count) else { throw row.missing("choices", "2 to 10 options") }
        let letter: String
        switch row.fields["answer"] {
        case .int(let index)? where (0..<options.count).contains(index): letter = ChoiceLetter.letter(index)
        case .string(let s)? where ChoiceLetter.index(of: s).map({ $0 < options.count }) == true: letter = s.uppercased()
        default:
            if case .int(let index)? = row.fields["answer_index"], (0..<options.count).contains(index) {
                letter = ChoiceLetter.letter(index)
            } else {
                throw row.missing("answer", "the correct option's index or letter")
            }
        }
        let id = row.optionalText("question_id").map { "mmlu-\($0)" } ?? fallbackID
        return Problem(id: id, domain: .science, prompt: try row.text("question"), answer: letter, choices: options)
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A permutation of 0..<count from a SplitMix64 stream (Fisher–Yates, from the end).
    static func seededPermutation(count: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        func next() -> UInt64 { generator.next() }
        var order = Array(0..<count)
        var k = count - 1
        while k > 0 {
            let j = Int(next() % UInt64(k + 1))
            order.swapAt(k, j)
            k -= 1
        }
        return order
    }
}
